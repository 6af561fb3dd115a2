// ssh:// end to end: a private sshd on 127.0.0.1 whose sessions reach the lab manager's socket
// (docker-modem runs `docker system dial-stdio` on the far side). Host keys are checked against
// known_hosts like OpenSSH — and OpenSSH itself (ssh, ssh-keyscan) is the oracle of what is known,
// changed or trusted. Keys come from ~/.ssh and from ssh-agent.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeResolveInput } from '../../src/docker/dockerOptions';
import type { UnknownHost } from '../../src/docker/ssh/hostKeyPolicy';
import { fingerprint } from '../../src/docker/ssh/knownHosts';
import type { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { createSwarmApi } from '../../src/docker/swarmApis';
import { ClusterStore } from '../../src/store/clusterStore';
import { waitFor } from '../support/engine';
import { labs, SMALL, type Lab } from '../support/lab';
import { clientSockets, keygen, sshAccepts, SSHD, sshdSessions, startSshd, type Sshd } from '../support/sshd';

const ROOT = path.join(__dirname, '..', '..');

describe('ssh:// endpoints, with host keys checked like OpenSSH', function () {
  let lab: Lab;
  let sshd: Sshd;
  let home: string;
  let agent: ChildProcess | undefined;
  const stores: ClusterStore[] = [];
  const apis: DockerSwarmApi[] = [];
  const user = os.userInfo().username;

  before(async function () {
    if (!fs.existsSync(SSHD)) this.skip();
    lab = labs.get(SMALL);
    sshd = await startSshd(lab.host);
  });
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'swarm-home-'));
    fs.mkdirSync(path.join(home, '.ssh'), { mode: 0o700 });
  });
  afterEach(() => {
    for (const s of stores.splice(0)) s.dispose();
    for (const a of apis.splice(0)) a.dispose();
    fs.rmSync(home, { recursive: true, force: true });
  });
  after(() => {
    sshd?.stop();
    if (agent?.pid !== undefined && agent.exitCode === null) process.kill(agent.pid, 'SIGTERM');
  });

  const knownHosts = (): string => path.join(home, '.ssh', 'known_hosts');
  const sessions = (): string[] => sshdSessions(sshd).map((p) => p.args);
  const endpoint = (): string => `ssh://${user}@127.0.0.1:${sshd.port}`;
  const giveKey = (): void => { fs.copyFileSync(sshd.clientKey, path.join(home, '.ssh', 'id_ed25519'), fs.constants.COPYFILE_EXCL); };

  function apiFor(trust?: (q: UnknownHost) => Promise<boolean>, env: Record<string, string> = {}, homedir = home): DockerSwarmApi {
    const input = { ...nodeResolveInput(undefined), homedir, env: { PATH: process.env['PATH'] ?? '', ...env } };
    const api = createSwarmApi(endpoint(), { callTimeoutMs: 10_000, input, ...(trust ? { trust } : {}) });
    apis.push(api);
    return api;
  }

  function storeFor(trust?: (q: UnknownHost) => Promise<boolean>, env: Record<string, string> = {}): ClusterStore {
    const api = apiFor(trust, env);
    const store = new ClusterStore(api, { backoffBaseMs: 200, backoffMaxMs: 1000 });
    stores.push(store);
    store.start();
    return store;
  }

  it('an unknown host is put to the user once; trusted, it is appended as ssh would and the swarm is listed', async function () {
    giveKey();
    const asked: UnknownHost[] = [];
    const store = storeFor(async (q) => { asked.push(q); return true; });
    await waitFor('live through ssh', () => store.connection.status === 'live', 30_000);
    assert.equal(store.all('node').length, 3);
    assert.equal(asked.length, 1, 'asked once');
    const hostKey = Buffer.from(sshd.hostKeyPub.split(' ')[1] ?? '', 'base64');
    assert.equal(asked[0]?.fingerprint, fingerprint(hostKey));
    assert.equal(asked[0]?.token, `[127.0.0.1]:${sshd.port}`);
    // Debian's /etc/ssh/ssh_config says HashKnownHosts yes: ssh would have hashed the entry too.
    assert.match(fs.readFileSync(knownHosts(), 'utf8'), /^\|1\|\S+ ssh-ed25519 /);
    assert.equal(sshAccepts(sshd, knownHosts()).ok, true, 'OpenSSH accepts the host with the entry we wrote');
  });

  it('a host already in known_hosts (hashed by ssh-keyscan -H) connects without a question', async function () {
    giveKey();
    fs.writeFileSync(knownHosts(), execFileSync('ssh-keyscan', ['-H', '-t', 'ed25519', '-p', String(sshd.port), '127.0.0.1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const store = storeFor(async () => { throw new Error('must not ask'); });
    await waitFor('live', () => store.connection.status === 'live', 30_000);
  });

  it('a changed host key is refused with a warning (OpenSSH refuses it too), and nobody is asked', async function () {
    giveKey();
    keygen(path.join(home, 'impostor'));
    const impostor = fs.readFileSync(path.join(home, 'impostor.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
    fs.writeFileSync(knownHosts(), `[127.0.0.1]:${sshd.port} ${impostor}\n`);
    const ssh = sshAccepts(sshd, knownHosts());
    assert.equal(ssh.ok, false);
    assert.match(ssh.stderr, /REMOTE HOST IDENTIFICATION HAS CHANGED/);
    let asked = 0;
    const store = storeFor(async () => { asked++; return true; });
    await waitFor('stale', () => store.connection.status === 'stale', 30_000);
    const s = store.connection;
    assert.ok(s.status === 'stale');
    assert.equal(s.error.kind, 'host-key');
    assert.match(s.error.message, /has CHANGED/);
    assert.match(s.error.hint, /ssh-keygen -f '.*known_hosts' -R '\[127\.0\.0\.1\]:\d+'/);
    assert.equal(asked, 0);
    assert.equal(fs.readFileSync(knownHosts(), 'utf8'), `[127.0.0.1]:${sshd.port} ${impostor}\n`, 'known_hosts untouched');
  });

  it('requests share one ssh connection; aborted requests, a refused host key and dispose leave no socket or sshd session behind', async function () {
    giveKey();
    fs.writeFileSync(knownHosts(), `[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}\n`);
    const logins = (): string[] => sessions().filter((p) => /@notty/.test(p));
    const dialers = (): string[] => sessions().filter((p) => /dial-stdio/.test(p));
    const abortSoon = <T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> => {
      const c = new AbortController();
      setImmediate(() => c.abort());
      return call(c.signal);
    };
    // `ESTAB 0 0 127.0.0.1:41234 127.0.0.1:2222 users:…`: state and local address name a connection.
    const connections = (): string[] => clientSockets(sshd).map((l) => l.split(/\s+/).filter((_, i) => i === 0 || i === 3).join(' '));
    const api = apiFor();
    await api.ping();
    const first = connections();
    await Promise.all([api.info(), api.list('node'), api.list('service'), api.list('task')]);
    for (let i = 0; i < 3; i++) await api.list('node');
    assert.equal(first.length, 1);
    assert.deepEqual(connections(), first, 'the same ssh connection served all requests');
    assert.equal(logins().length, 1, `one ssh login: ${sessions().join('; ')}`);
    const idle = dialers().length; // channels kept for the next request
    assert.ok(idle >= 1 && idle <= 2, `idle dial-stdio: ${idle}`);
    // Aborted while its dial-stdio channel opens: the channel arrives for a request already gone.
    await assert.rejects(abortSoon((signal) => api.list('node', { signal })));
    // Aborted during the ssh handshake of a new endpoint (docker-modem's agent left that connection open).
    const fresh = apiFor();
    await assert.rejects(abortSoon((signal) => fresh.ping({ signal })));
    await waitFor('the aborted requests\' dial-stdio ended', () => dialers().length <= idle, 10_000);
    // A host key refused: the connection fails, and nothing of it stays.
    const other = path.join(home, 'other');
    fs.mkdirSync(path.join(other, '.ssh'), { recursive: true, mode: 0o700 });
    fs.copyFileSync(sshd.clientKey, path.join(other, '.ssh', 'id_ed25519'));
    keygen(path.join(other, 'impostor'));
    fs.writeFileSync(path.join(other, '.ssh', 'known_hosts'), `[127.0.0.1]:${sshd.port} ${fs.readFileSync(path.join(other, 'impostor.pub'), 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
    await assert.rejects(apiFor(undefined, {}, other).ping(), /has CHANGED/);
    assert.ok(clientSockets(sshd).length > 0, 'the live endpoints keep their connections until disposed');
    for (const a of apis) a.dispose();
    await waitFor('no socket to sshd and no sshd session left', () => clientSockets(sshd).length === 0 && sessions().length === 0, 10_000);
    await assert.rejects(api.ping(), /closed/, 'a disposed endpoint opens no new connection');
  });

  it('a connection the far side drops is replaced: the next call gets a new one at once', async function () {
    giveKey();
    fs.writeFileSync(knownHosts(), `[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}\n`);
    const api = apiFor();
    await api.ping();
    await api.list('node');
    for (const p of sshdSessions(sshd)) if (/@notty/.test(p.args)) process.kill(p.pid, 'SIGKILL');
    await waitFor('the connection is gone', () => clientSockets(sshd).length === 0, 10_000);
    const t0 = Date.now();
    await api.ping();
    assert.ok(Date.now() - t0 < 5_000, 'not left waiting on an idle channel of the dead connection');
    assert.equal(sessions().filter((p) => /@notty/.test(p)).length, 1);
  });

  it('swarm-lint --cluster refuses an unknown host and says how to trust it', function () {
    const cli = path.join(ROOT, 'dist', 'swarm-lint.js');
    if (!fs.existsSync(cli)) this.skip(); // npm test builds before the integration step
    giveKey();
    const stack = path.join(home, 'docker-stack.yml');
    fs.writeFileSync(stack, 'services:\n  web:\n    image: local/busybox:1\n');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'swarm-lint'), '--cluster', stack],
      { env: { PATH: process.env['PATH'] ?? '', HOME: home, DOCKER_HOST: endpoint() }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /authenticity of host \[127\.0\.0\.1\]:\d+ can't be established/);
    assert.match(r.stderr, /ssh-keyscan -p \d+ 127\.0\.0\.1 >> ~\/\.ssh\/known_hosts/);
    assert.equal(fs.existsSync(knownHosts()), false, 'nothing was added');
  });

  it('a key held only by ssh-agent logs in', async function () {
    const sock = path.join(home, 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    await waitFor('agent socket', () => fs.existsSync(sock), 10_000);
    execFileSync('ssh-add', [sshd.clientKey], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
    fs.writeFileSync(knownHosts(), `[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}\n`);
    const store = storeFor(undefined, { SSH_AUTH_SOCK: sock });
    await waitFor('live via the agent', () => store.connection.status === 'live', 30_000);
    assert.equal(fs.readdirSync(path.join(home, '.ssh')).includes('id_ed25519'), false, 'no key file in ~/.ssh');
  });
});
