// resolveEndpoint on an in-memory file system, and toDockerOptions with injected file reads.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as https from 'node:https';
import { describeSource, endpointLabel, EndpointError, resolveEndpoint, type Endpoint, type ResolveInput } from '../../src/docker/endpoint';
import { nodeResolveInput, toDockerOptions } from '../../src/docker/dockerOptions';
import { DialStdioAgent } from '../../src/docker/ssh/dialStdioAgent';
import { createDocker } from '../../src/docker/modem';
import { HostKeyPolicy } from '../../src/docker/ssh/hostKeyPolicy';
import { authMethods } from '../../src/docker/ssh/identities';

const sha = (t: string): string => createHash('sha256').update(t).digest('hex');
const HOME = '/home/me';
const CFG = `${HOME}/.docker`;

interface Fake { setting?: string; contextSetting?: string; env?: Record<string, string>; files?: Record<string, string>; platform?: NodeJS.Platform; homedir?: string }

function input(f: Fake = {}): ResolveInput {
  const files = f.files ?? {};
  return {
    setting: f.setting, contextSetting: f.contextSetting, env: f.env ?? {}, homedir: f.homedir ?? HOME, platform: f.platform ?? 'linux',
    readFile: (p) => files[p], exists: (p) => p in files, sha256: sha,
    listDir: (dir) => [...new Set(Object.keys(files).filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0] ?? ''))],
  };
}

const resolve = (f: Fake = {}): Endpoint => resolveEndpoint(input(f));

/** Files of a context stored as the docker CLI does under `dir`. */
function context(name: string, docker: Record<string, unknown>, tls: string[] = [], dir = CFG): Record<string, string> {
  const files: Record<string, string> = {
    [`${dir}/contexts/meta/${sha(name)}/meta.json`]: JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker } }),
  };
  for (const f of tls) files[`${dir}/contexts/tls/${sha(name)}/docker/${f}`] = 'PEM';
  return files;
}

const current = (name: string, dir = CFG): Record<string, string> => ({ [`${dir}/config.json`]: JSON.stringify({ currentContext: name }) });
const prod = { ...current('prod'), ...context('prod', { Host: 'tcp://10.0.0.9:2376', SkipTLSVerify: false }) };

function throwsEndpointError(fn: () => unknown, source: EndpointError['source'], ...parts: string[]): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof EndpointError, String(err));
    assert.deepEqual(err.source, source);
    for (const p of parts) assert.ok(err.message.includes(p), `"${err.message}" lacks "${p}"`);
    return true;
  });
}

describe('resolveEndpoint', () => {
  describe('precedence', () => {
    it('prefers the setting over DOCKER_HOST and the context', () => {
      const e = resolve({ setting: ' unix:///tmp/a.sock ', env: { DOCKER_HOST: 'tcp://h:1' }, files: prod });
      assert.deepEqual(e, { kind: 'unix', path: '/tmp/a.sock', source: { kind: 'setting' } });
    });
    it('prefers DOCKER_HOST over DOCKER_CONTEXT and the current context', () => {
      const e = resolve({ setting: '  ', env: { DOCKER_HOST: 'tcp://h:1', DOCKER_CONTEXT: 'prod' }, files: prod });
      assert.deepEqual(e, { kind: 'tcp', host: 'h', port: 1, source: { kind: 'env' } });
    });
    // The swarm.context setting stands for --context: docker/cli cli/command/cli.go resolveContextName
    // takes --context before -H, DOCKER_HOST, DOCKER_CONTEXT and config.json's currentContext.
    it('swarm.context (like --context) beats DOCKER_HOST, DOCKER_CONTEXT and the current context; swarm.dockerHost beats it', () => {
      const files = { ...prod, ...context('staging', { Host: 'ssh://ops@stage' }) };
      const env = { DOCKER_HOST: 'tcp://h:1', DOCKER_CONTEXT: 'prod' };
      assert.deepEqual(resolve({ contextSetting: 'staging', env, files }).source, { kind: 'context', name: 'staging' });
      assert.deepEqual(resolve({ setting: 'unix:///x.sock', contextSetting: 'staging', env, files }).source, { kind: 'setting' });
    });
    it('swarm.context "default" is the CLI\'s default context: DOCKER_HOST if set, else the socket, never currentContext', () => {
      assert.deepEqual(resolve({ contextSetting: 'default', env: { DOCKER_HOST: 'tcp://h:1' }, files: prod }).source, { kind: 'env' });
      assert.deepEqual(resolve({ contextSetting: 'default', files: prod }).source, { kind: 'default' });
    });
    it('swarm.context naming a missing context says so and how to pick one', () => {
      throwsEndpointError(() => resolve({ contextSetting: 'gone', files: prod }), { kind: 'context', name: 'gone' }, 'The swarm.context setting names Docker context "gone"', 'Select Docker Context');
    });
    it('uses the current context when neither is set', () => {
      assert.deepEqual(resolve({ env: { DOCKER_HOST: '' }, files: prod }).source, { kind: 'context', name: 'prod' });
    });
    it('falls back to the default socket', () => {
      assert.deepEqual(resolve(), { kind: 'unix', path: '/var/run/docker.sock', source: { kind: 'default' } });
    });
    it('uses the named pipe by default on win32', () => {
      assert.deepEqual(resolve({ platform: 'win32', homedir: 'C:\\Users\\me' }),
        { kind: 'npipe', path: '//./pipe/docker_engine', source: { kind: 'default' } });
    });
  });

  describe('host strings', () => {
    const host = (setting: string, env: Record<string, string> = {}): Endpoint => resolve({ setting, env });
    it('unix:// with a path (empty: the default socket); npipe:// keeps the //./pipe/name form', () => {
      assert.deepEqual(host('unix:///run/user/1000/docker.sock'), { kind: 'unix', path: '/run/user/1000/docker.sock', source: { kind: 'setting' } });
      assert.equal((host('unix://') as { path: string }).path, '/var/run/docker.sock');
      assert.deepEqual(host('npipe:////./pipe/dockerDesktopLinuxEngine'), { kind: 'npipe', path: '//./pipe/dockerDesktopLinuxEngine', source: { kind: 'setting' } });
    });
    it('tcp:// defaults to 2375 without TLS and keeps an explicit port', () => {
      assert.deepEqual(host('tcp://10.0.0.1'), { kind: 'tcp', host: '10.0.0.1', port: 2375, source: { kind: 'setting' } });
      assert.deepEqual(host('TCP://manager.lan:8080'), { kind: 'tcp', host: 'manager.lan', port: 8080, source: { kind: 'setting' } });
    });
    it('a bare host:port means tcp, as in the CLI; IPv6 hosts lose their brackets', () => {
      assert.deepEqual(host('tcp://[::1]:2375'), { kind: 'tcp', host: '::1', port: 2375, source: { kind: 'setting' } });
      assert.deepEqual(host('10.0.0.1:2375'), { kind: 'tcp', host: '10.0.0.1', port: 2375, source: { kind: 'setting' } });
    });
    it('http:// and https:// are refused, as the CLI does ("invalid bind address format", opts/hosts.go parseDockerDaemonHost)', () => {
      throwsEndpointError(() => host('https://h:2376'), { kind: 'setting' }, 'swarm.dockerHost "https://h:2376"', 'invalid bind address format', 'DOCKER_TLS_VERIFY=1');
      throwsEndpointError(() => resolve({ env: { DOCKER_HOST: 'http://h:80' } }), { kind: 'env' }, 'DOCKER_HOST "http://h:80"');
    });
    it('ssh:// with user and default port 22, or with a port and no user', () => {
      assert.deepEqual(host('ssh://me@mgr'), { kind: 'ssh', host: 'mgr', port: 22, username: 'me', source: { kind: 'setting' } });
      assert.deepEqual(host('ssh://mgr:2222'), { kind: 'ssh', host: 'mgr', port: 2222, source: { kind: 'setting' } });
    });
  });

  // docker/cli v28.2.2 cli/flags/options.go: `dockerTLSVerify = os.Getenv("DOCKER_TLS_VERIFY") != ""`,
  // `dockerTLS = os.Getenv("DOCKER_TLS") != ""`, TLS = TLS || TLSVerify, InsecureSkipVerify = !TLSVerify;
  // CAFile is always <cert path>/ca.pem, CertFile/KeyFile are dropped when missing; cli/context/tlsdata.go
  // TLSDataFromFiles then reads ca.pem, failing when it is missing. The integration test
  // tlsLikeCli.test.ts holds the same cases against the real CLI binary.
  describe('TLS from the environment, as the docker CLI', () => {
    const tcp = (env: Record<string, string>, files: Record<string, string> = {}, setting?: string): Endpoint =>
      resolve({ setting, env: { DOCKER_HOST: 'tcp://h:2376', ...env }, files });
    const tlsOf = (e: Endpoint): unknown => (e as { tls?: unknown }).tls;
    const pems = (dir: string, names = ['ca', 'cert', 'key']): Record<string, string> =>
      Object.fromEntries(names.map((n) => [`${dir}/${n}.pem`, 'PEM']));
    it('DOCKER_TLS_VERIFY with any non-empty value, "0" included, is TLS with verification', () => {
      for (const v of ['1', '0', 'false', 'no']) {
        assert.deepEqual(tlsOf(tcp({ DOCKER_TLS_VERIFY: v }, pems(CFG))), { ca: `${CFG}/ca.pem`, cert: `${CFG}/cert.pem`, key: `${CFG}/key.pem`, verify: true }, v);
      }
    });
    it('DOCKER_TLS_VERIFY empty, and nothing else: plain tcp', () => {
      assert.deepEqual(tcp({ DOCKER_TLS_VERIFY: '' }), { kind: 'tcp', host: 'h', port: 2376, source: { kind: 'env' } });
    });
    it('DOCKER_TLS alone is TLS without verification; with DOCKER_TLS_VERIFY too, verified', () => {
      assert.deepEqual(tlsOf(tcp({ DOCKER_TLS: '1' }, pems(CFG, ['ca']))), { ca: `${CFG}/ca.pem`, verify: false });
      assert.deepEqual(tlsOf(tcp({ DOCKER_TLS: '1', DOCKER_TLS_VERIFY: '1' }, pems(CFG, ['ca']))), { ca: `${CFG}/ca.pem`, verify: true });
    });
    it('DOCKER_CERT_PATH alone does not turn TLS on; with TLS on it says where the files are', () => {
      assert.equal(tlsOf(tcp({ DOCKER_CERT_PATH: '/certs' }, pems('/certs'))), undefined);
      assert.deepEqual(tlsOf(tcp({ DOCKER_CERT_PATH: '/certs', DOCKER_TLS_VERIFY: '1' }, pems('/certs'))),
        { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem', verify: true });
    });
    it('with TLS on, a missing ca.pem is an error, for any host (the CLI reads it first)', () => {
      throwsEndpointError(() => tcp({ DOCKER_TLS_VERIFY: '1' }), { kind: 'env' }, `${CFG}/ca.pem does not exist`, 'DOCKER_CERT_PATH', 'unset DOCKER_TLS_VERIFY');
      throwsEndpointError(() => resolve({ env: { DOCKER_HOST: 'unix:///s.sock', DOCKER_TLS: '1' } }), { kind: 'env' }, 'DOCKER_TLS is set', 'ca.pem');
    });
    it('a client certificate needs both cert.pem and key.pem', () => {
      assert.deepEqual(tlsOf(tcp({ DOCKER_TLS_VERIFY: '1' }, pems(CFG, ['ca', 'cert']))), { ca: `${CFG}/ca.pem`, verify: true });
    });
    it('tcp:// without a port is 2375 even with TLS (opts/hosts.go defaultTCPHost)', () => {
      const e = resolve({ env: { DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1' }, files: pems(CFG) });
      assert.deepEqual([e.kind, (e as { port?: number }).port], ['tcp', 2375]);
    });
    it('TLS on and no host at all: tcp://localhost:2376 (the CLI\'s defaultTLSHost)', () => {
      assert.deepEqual(resolve({ env: { DOCKER_TLS_VERIFY: '1' }, files: pems(CFG, ['ca']) }),
        { kind: 'tcp', host: 'localhost', port: 2376, tls: { ca: `${CFG}/ca.pem`, verify: true }, source: { kind: 'default' } });
    });
    it('the cert dir defaults to DOCKER_CONFIG; the setting gets the same TLS (it stands for -H)', () => {
      assert.deepEqual(tlsOf(tcp({ DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: '/cfg' }, pems('/cfg', ['ca']))), { ca: '/cfg/ca.pem', verify: true });
      assert.deepEqual(tcp({ DOCKER_TLS_VERIFY: '1' }, pems(CFG, ['ca']), 'tcp://s:1'), { kind: 'tcp', host: 's', port: 1, tls: { ca: `${CFG}/ca.pem`, verify: true }, source: { kind: 'setting' } });
      assert.equal(tcp({ DOCKER_TLS_VERIFY: '1' }, pems(CFG, ['ca']), 'unix:///s').kind, 'unix');
    });
  });

  describe('Docker contexts', () => {
    it('reads the current context and its TLS material', () => {
      const e = resolve({ files: { ...prod, ...context('prod', { Host: 'tcp://10.0.0.9:2376', SkipTLSVerify: false }, ['ca.pem', 'cert.pem', 'key.pem']) } });
      const dir = `${CFG}/contexts/tls/${sha('prod')}/docker`;
      assert.deepEqual(e, { kind: 'tcp', host: '10.0.0.9', port: 2376,
        tls: { ca: `${dir}/ca.pem`, cert: `${dir}/cert.pem`, key: `${dir}/key.pem`, verify: true }, source: { kind: 'context', name: 'prod' } });
    });
    it('SkipTLSVerify turns TLS on without verification; no material and no skip means plain tcp', () => {
      const skip = resolve({ files: { ...current('p'), ...context('p', { Host: 'tcp://h:2376', SkipTLSVerify: true }) } });
      assert.deepEqual((skip as { tls: unknown }).tls, { verify: false });
      assert.deepEqual(resolve({ files: prod }), { kind: 'tcp', host: '10.0.0.9', port: 2376, source: { kind: 'context', name: 'prod' } });
    });
    it('a context host may be http:// or https://: plain tcp unless the context has TLS material (measured with the CLI)', () => {
      const files = { ...current('w'), ...context('w', { Host: 'https://h:2376' }) };
      assert.deepEqual(resolve({ files }), { kind: 'tcp', host: 'h', port: 2376, source: { kind: 'context', name: 'w' } });
      const withCa = { ...current('w'), ...context('w', { Host: 'https://h:2376' }, ['ca.pem']) };
      assert.deepEqual((resolve({ files: withCa }) as { tls?: unknown }).tls, { ca: `${CFG}/contexts/tls/${sha('w')}/docker/ca.pem`, verify: true });
    });
    it('a context tcp host without a port is an error: the CLI cannot connect to it either', () => {
      throwsEndpointError(() => resolve({ files: { ...current('np'), ...context('np', { Host: 'tcp://h' }) } }), { kind: 'context', name: 'np' }, 'without a port');
    });
    it('ignores DOCKER_TLS_VERIFY / DOCKER_CERT_PATH for a context', () => {
      assert.equal((resolve({ env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c' }, files: prod }) as { tls?: unknown }).tls, undefined);
    });
    it('resolves ssh contexts', () => {
      const files = { ...current('remote'), ...context('remote', { Host: 'ssh://ops@mgr1' }) };
      assert.deepEqual(resolve({ files }), { kind: 'ssh', host: 'mgr1', port: 22, username: 'ops', source: { kind: 'context', name: 'remote' } });
    });
    it('looks in DOCKER_CONFIG', () => {
      const files = { ...current('c', '/cfg'), ...context('c', { Host: 'unix:///c.sock' }, [], '/cfg') };
      assert.deepEqual(resolve({ env: { DOCKER_CONFIG: '/cfg' }, files }), { kind: 'unix', path: '/c.sock', source: { kind: 'context', name: 'c' } });
    });
    it('DOCKER_CONTEXT overrides currentContext', () => {
      const files = { ...prod, ...context('other', { Host: 'unix:///o.sock' }) };
      assert.deepEqual(resolve({ env: { DOCKER_CONTEXT: 'other' }, files }).source, { kind: 'context', name: 'other' });
    });
    it('"default" means the default socket, from DOCKER_CONTEXT or config.json', () => {
      assert.deepEqual(resolve({ env: { DOCKER_CONTEXT: 'default' }, files: prod }).source, { kind: 'default' });
      assert.deepEqual(resolve({ files: current('default') }).source, { kind: 'default' });
    });
    it('joins win32 paths with backslashes', () => {
      const home = 'C:\\Users\\me';
      const files = {
        [`${home}\\.docker\\config.json`]: JSON.stringify({ currentContext: 'w' }),
        [`${home}\\.docker\\contexts\\meta\\${sha('w')}\\meta.json`]: JSON.stringify({ Endpoints: { docker: { Host: 'npipe:////./pipe/x' } } }),
      };
      assert.deepEqual(resolve({ platform: 'win32', homedir: home, files }), { kind: 'npipe', path: '//./pipe/x', source: { kind: 'context', name: 'w' } });
    });
  });

  describe('errors', () => {
    it('a bad scheme in the setting names the setting and the schemes', () => {
      throwsEndpointError(() => resolve({ setting: 'foo://x' }), { kind: 'setting' },
        'swarm.dockerHost "foo://x" is not a Docker endpoint: use unix://, tcp://, ssh:// or npipe://');
    });
    it('a bad DOCKER_HOST names DOCKER_HOST', () => {
      throwsEndpointError(() => resolve({ env: { DOCKER_HOST: 'fd://' } }), { kind: 'env' }, 'DOCKER_HOST "fd://"', 'unset DOCKER_HOST');
      throwsEndpointError(() => resolve({ env: { DOCKER_HOST: 'tcp://' } }), { kind: 'env' }, 'has no host');
      throwsEndpointError(() => resolve({ env: { DOCKER_HOST: 'tcp://h:99999' } }), { kind: 'env' }, 'not a valid address');
    });
    it('rejects ssh passwords and URL paths', () => {
      throwsEndpointError(() => resolve({ setting: 'ssh://me:pw@h' }), { kind: 'setting' }, 'password');
      throwsEndpointError(() => resolve({ setting: 'tcp://h:2375/v1' }), { kind: 'setting' }, 'path ("/v1")');
    });
    it('a missing context names it and says what to run', () => {
      const source = { kind: 'context', name: 'gone' } as const;
      throwsEndpointError(() => resolve({ files: current('gone') }), source,
        '"gone"', `${CFG}/config.json`, 'docker context ls', 'docker context use default');
      throwsEndpointError(() => resolve({ env: { DOCKER_CONTEXT: 'gone' } }), source, 'DOCKER_CONTEXT', 'docker context ls', 'unset it');
    });
    it('a context without a usable host', () => {
      throwsEndpointError(() => resolve({ files: { ...current('e'), ...context('e', {}) } }), { kind: 'context', name: 'e' }, 'has no Docker host');
      throwsEndpointError(() => resolve({ files: { ...current('b'), ...context('b', { Host: 'foo://x' }) } }), { kind: 'context', name: 'b' },
        'host "foo://x"', 'docker context update b');
    });
    it('an unparseable config.json or meta.json names the file', () => {
      throwsEndpointError(() => resolve({ files: { [`${CFG}/config.json`]: '{oops' } }), { kind: 'default' }, `${CFG}/config.json is not valid JSON`);
      const meta = `${CFG}/contexts/meta/${sha('m')}/meta.json`;
      throwsEndpointError(() => resolve({ files: { ...current('m'), [meta]: '' } }), { kind: 'context', name: 'm' }, `${meta} is not valid JSON`);
    });
  });
});

describe('endpointLabel / describeSource', () => {
  it('labels each kind with its URL', () => {
    const s = { kind: 'default' } as const;
    assert.equal(endpointLabel({ kind: 'unix', path: '/var/run/docker.sock', source: s }), 'unix:///var/run/docker.sock');
    assert.equal(endpointLabel({ kind: 'npipe', path: '//./pipe/docker_engine', source: s }), 'npipe:////./pipe/docker_engine');
    assert.equal(endpointLabel({ kind: 'tcp', host: '10.0.0.1', port: 2376, tls: { verify: true }, source: s }), 'tcp://10.0.0.1:2376 (TLS)');
    assert.equal(endpointLabel({ kind: 'tcp', host: '::1', port: 2375, source: s }), 'tcp://[::1]:2375');
    assert.equal(endpointLabel({ kind: 'ssh', host: 'host', port: 22, username: 'me', source: s }), 'ssh://me@host:22');
  });
  it('describes each source', () => {
    assert.equal(describeSource({ source: { kind: 'setting' } }), 'swarm.dockerHost setting');
    assert.equal(describeSource({ source: { kind: 'env' } }), 'DOCKER_HOST');
    assert.equal(describeSource(resolve({ files: prod })), 'Docker context "prod"');
    assert.equal(describeSource(resolve()), 'default socket');
  });
});

describe('toDockerOptions', () => {
  const s = { kind: 'setting' } as const;
  const read = (p: string): Buffer => Buffer.from(`<${p}>`);
  it('unix and npipe become socketPath', () => {
    assert.equal(toDockerOptions({ kind: 'unix', path: '/s.sock', source: s }, read).socketPath, '/s.sock');
    const o = toDockerOptions({ kind: 'npipe', path: '//./pipe/docker_engine', source: s }, read);
    assert.deepEqual([o.socketPath, o.host], ['//./pipe/docker_engine', undefined]);
  });
  it('plain tcp becomes http; verified TLS reads the files and keeps the default agent', () => {
    const plain = toDockerOptions({ kind: 'tcp', host: 'h', port: 2375, source: s }, read);
    assert.deepEqual([plain.protocol, plain.host, plain.port, plain.ca, plain.agent], ['http', 'h', 2375, undefined, undefined]);
    const o = toDockerOptions({ kind: 'tcp', host: 'h', port: 2376, tls: { ca: '/ca', cert: '/cert', key: '/key', verify: true }, source: s }, read);
    assert.deepEqual([o.protocol, String(o.ca), String(o.cert), String(o.key), o.agent], ['https', '</ca>', '</cert>', '</key>', undefined]);
  });
  it('unverified TLS uses an agent that does not reject unknown certificates', () => {
    const o = toDockerOptions({ kind: 'tcp', host: 'h', port: 2376, tls: { verify: false }, source: s }, read);
    assert.deepEqual([o.protocol, o.ca], ['https', undefined]);
    assert.ok(o.agent instanceof https.Agent);
    assert.equal((o.agent.options as { rejectUnauthorized?: boolean }).rejectUnauthorized, false);
  });
  it('ssh is http through our dial-stdio agent, which carries the user, a host verifier and the keys to offer (end to end: sshEndpoint.test.ts)', () => {
    const policy = new HostKeyPolicy({ homedir: '/h', read: () => undefined, list: () => [], append: () => undefined }, async () => false);
    const ssh = { policy, auth: (username: string) => authMethods(username, '/agent.sock', '/h', () => undefined) };
    const o = toDockerOptions({ kind: 'ssh', host: 'mgr', port: 2222, username: 'ops', source: s }, read, ssh);
    assert.deepEqual([o.protocol, o.host, o.port, o.sshOptions], ['http', 'mgr', 2222, undefined]);
    assert.ok(o.agent instanceof DialStdioAgent);
    const c = o.agent.config;
    assert.deepEqual([c.host, c.port, c.username], ['mgr', 2222, 'ops']);
    assert.equal(typeof c.hostVerifier, 'function');
    assert.deepEqual(c.authHandler, [{ type: 'agent', username: 'ops', agent: '/agent.sock' }]);
    const byDefault = toDockerOptions({ kind: 'ssh', host: 'mgr', port: 22, source: s }, read, ssh).agent;
    assert.ok(byDefault instanceof DialStdioAgent && byDefault.config.username, 'the local user by default');
  });
  it('keeps docker-modem from mixing in DOCKER_HOST', () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'tcp://elsewhere:2375';
    try {
      const modem = (createDocker(toDockerOptions({ kind: 'unix', path: '/s.sock', source: s }, read)) as unknown as { modem: { host?: string; socketPath?: string } }).modem;
      assert.deepEqual([modem.host, modem.socketPath], [undefined, '/s.sock']);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST; else process.env.DOCKER_HOST = saved;
    }
  });
});

describe('nodeResolveInput', () => {
  it('hashes like Docker and treats missing files as absent', () => {
    const i = nodeResolveInput('tcp://x');
    assert.equal(i.setting, 'tcp://x');
    // Docker's own digest of "default".
    assert.equal(i.sha256('default'), '37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f');
    assert.equal(i.readFile('/nonexistent/swarm-operator/config.json'), undefined);
    assert.equal(i.exists('/nonexistent/swarm-operator'), false);
  });
});
