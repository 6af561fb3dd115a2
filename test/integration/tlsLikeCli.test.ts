// TLS decided exactly as the docker CLI decides it: for each combination of DOCKER_TLS_VERIFY,
// DOCKER_TLS, DOCKER_CERT_PATH and Docker contexts (made by the CLI itself), the real CLI (28.2.2)
// and our client connect to the same probe daemon, and must do the same thing: refuse before
// connecting, speak plain HTTP, or speak TLS — accepting the daemon's certificate or not, and
// showing a client certificate or not. Needs the docker CLI and openssl; no lab.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSwarmApi } from '../../src/docker/swarmApis';
import { nodeResolveInput } from '../../src/docker/dockerOptions';
import { makeCerts, TlsProbe, type Seen } from '../support/tlsProbe';

const CLI = '/usr/local/bin/docker';

type Outcome = 'refused before connecting' | 'no connection' | Seen;

describe('TLS like the docker CLI (differential, against the real CLI)', function () {
  let dir: string;
  let probe: TlsProbe;
  let port: number;
  const dirs: Record<'good' | 'caOnly' | 'certNoKey' | 'wrongCa' | 'empty', string> = { good: '', caOnly: '', certNoKey: '', wrongCa: '', empty: '' };

  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-tls-'));
    const good = makeCerts(path.join(dir, 'pki'), 'good');
    const other = makeCerts(path.join(dir, 'pki'), 'other');
    const put = (name: keyof typeof dirs, files: Record<string, string>): void => {
      dirs[name] = path.join(dir, name);
      fs.mkdirSync(dirs[name], { recursive: true });
      for (const [to, from] of Object.entries(files)) fs.copyFileSync(from, path.join(dirs[name], to));
    };
    put('good', { 'ca.pem': good.ca, 'cert.pem': good.clientCert, 'key.pem': good.clientKey });
    put('caOnly', { 'ca.pem': good.ca });
    put('certNoKey', { 'ca.pem': good.ca, 'cert.pem': good.clientCert });
    put('wrongCa', { 'ca.pem': other.ca });
    put('empty', {});
    probe = new TlsProbe(good.serverCert, good.serverKey);
  });

  beforeEach(async () => { if (probe && !port) port = await probe.listen(); });
  after(() => { probe?.close(); if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  const config = (): string => path.join(dir, 'config');
  const baseEnv = (): Record<string, string> => ({ PATH: process.env['PATH'] ?? '', HOME: dir, DOCKER_CONFIG: config() });

  function cliContext(name: string, docker: string): void {
    execFileSync(CLI, ['context', 'create', name, '--docker', docker], { env: baseEnv(), stdio: 'ignore' });
  }

  async function observe(run: () => Promise<string | undefined>): Promise<Outcome> {
    probe.seen = [];
    const refusal = await run();
    const first = probe.seen[0];
    if (first) return { ...first };
    return refusal ? 'refused before connecting' : 'no connection';
  }

  /** The CLI's outcome: its stderr, when it exits without having connected, says why. */
  const cli = (env: Record<string, string>): Promise<Outcome> => observe(() => new Promise((resolve) => {
    execFile(CLI, ['version', '--format', '{{.Server.APIVersion}}'], { env: { ...baseEnv(), ...env }, timeout: 8000 },
      (_err, _out, stderr) => resolve(/unable to resolve docker endpoint|invalid bind address/.test(stderr) ? stderr : undefined));
  }));

  const ours = (env: Record<string, string>): Promise<Outcome> => observe(async () => {
    let api;
    try {
      api = createSwarmApi(undefined, { callTimeoutMs: 3000, input: { ...nodeResolveInput(undefined), env: { ...baseEnv(), ...env }, homedir: dir } });
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    await api.ping().catch(() => undefined);
    return undefined;
  });

  async function same(env: () => Record<string, string>, expected: Outcome): Promise<void> {
    const theirs = await cli(env());
    assert.deepEqual(theirs, expected, 'the CLI did what this case documents');
    assert.deepEqual(await ours(env()), theirs, 'we do what the CLI does');
  }

  const host = (): Record<string, string> => ({ DOCKER_HOST: `tcp://127.0.0.1:${port}` });
  const PLAIN: Seen = { tls: false, accepted: true, clientCert: false };
  const TLS_CLIENT_CERT: Seen = { tls: true, accepted: true, clientCert: true };
  const TLS_NO_CLIENT_CERT: Seen = { tls: true, accepted: true, clientCert: false };
  const TLS_REJECTED: Seen = { tls: true, accepted: false, clientCert: false };

  it('no TLS variable: plain HTTP', () => same(host, PLAIN));
  it('DOCKER_TLS_VERIFY=1: TLS, verified against ca.pem, with the client certificate', () =>
    same(() => ({ ...host(), DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dirs.good }), TLS_CLIENT_CERT));
  it('DOCKER_TLS_VERIFY=0 is not "off": TLS, verified', () =>
    same(() => ({ ...host(), DOCKER_TLS_VERIFY: '0', DOCKER_CERT_PATH: dirs.wrongCa }), TLS_REJECTED));
  it('DOCKER_TLS_VERIFY=1 with a CA that did not sign the daemon: the certificate is rejected', () =>
    same(() => ({ ...host(), DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dirs.wrongCa }), TLS_REJECTED));
  it('DOCKER_TLS=1 alone: TLS without verification', () =>
    same(() => ({ ...host(), DOCKER_TLS: '1', DOCKER_CERT_PATH: dirs.wrongCa }), TLS_NO_CLIENT_CERT));
  it('DOCKER_CERT_PATH alone: plain HTTP', () => same(() => ({ ...host(), DOCKER_CERT_PATH: dirs.good }), PLAIN));
  it('TLS on, no ca.pem: refused before connecting', () =>
    same(() => ({ ...host(), DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dirs.empty }), 'refused before connecting'));
  it('ca.pem and cert.pem without key.pem: no client certificate', () =>
    same(() => ({ ...host(), DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dirs.certNoKey }), TLS_NO_CLIENT_CERT));
  it('DOCKER_HOST=https://…: refused', () =>
    same(() => ({ DOCKER_HOST: `https://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dirs.good }), 'refused before connecting'));

  describe('Docker contexts made by the CLI', () => {
    before(function () {
      if (!probe) this.skip();
    });
    const ctx = (name: string, extra: Record<string, string> = {}) => () => ({ DOCKER_CONTEXT: name, ...extra });
    it('TLS material in the context: TLS, verified, client certificate; the environment does not matter', async () => {
      cliContext('tlsctx', `host=tcp://127.0.0.1:${port},ca=${dirs.good}/ca.pem,cert=${dirs.good}/cert.pem,key=${dirs.good}/key.pem`);
      await same(ctx('tlsctx', { DOCKER_TLS: '' }), TLS_CLIENT_CERT);
    });
    it('skip-tls-verify without material: TLS without verification', async () => {
      cliContext('skipctx', `host=tcp://127.0.0.1:${port},skip-tls-verify=true`);
      await same(ctx('skipctx'), TLS_NO_CLIENT_CERT);
    });
    it('no material: plain HTTP, even with DOCKER_TLS_VERIFY set', async () => {
      cliContext('plainctx', `host=tcp://127.0.0.1:${port}`);
      await same(ctx('plainctx', { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dirs.good }), PLAIN);
    });
    it('an https:// host without material: plain HTTP', async () => {
      cliContext('httpsctx', `host=https://127.0.0.1:${port}`);
      await same(ctx('httpsctx'), PLAIN);
    });
    it('a CA that did not sign the daemon: rejected', async () => {
      cliContext('wrongctx', `host=tcp://127.0.0.1:${port},ca=${dirs.wrongCa}/ca.pem`);
      await same(ctx('wrongctx'), TLS_REJECTED);
    });
  });
});
