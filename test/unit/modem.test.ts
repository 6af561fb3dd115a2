// docker-modem reads DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_PATH_PREFIX,
// DOCKER_CLIENT_TIMEOUT and SSH_AUTH_SOCK whenever DOCKER_HOST is set, and merges them into the
// client it builds (node_modules/docker-modem/lib/modem.js defaultOpts). The endpoint is resolved
// before that, the docker CLI's way: none of them may change the client we build.
import assert from 'node:assert/strict';
import Docker from 'dockerode';
import { createSwarmApi } from '../../src/docker/swarmApis';
import { createDocker } from '../../src/docker/modem';

const LEAKY = {
  DOCKER_HOST: 'ssh://intruder@elsewhere:2222',
  DOCKER_TLS_VERIFY: '1',
  DOCKER_CERT_PATH: '/nonexistent/swarm-operator-certs',
  DOCKER_PATH_PREFIX: '/evil',
  DOCKER_CLIENT_TIMEOUT: '1',
  SSH_AUTH_SOCK: '/tmp/someone-elses-agent.sock',
};

interface ModemFields {
  socketPath?: unknown; host?: unknown; port?: unknown; protocol?: unknown; pathPrefix?: unknown; username?: unknown;
  timeout?: unknown; ca?: unknown; sshOptions?: Record<string, unknown>;
}

function withEnv<T>(env: Record<string, string>, run: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return run();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

const modemOf = (d: Docker): ModemFields => (d as unknown as { modem: ModemFields }).modem;

describe('createDocker: nothing leaks in from the environment', () => {
  it('the environment really does leak into a plain dockerode client (the reason for createDocker)', () => {
    assert.throws(() => withEnv(LEAKY, () => new Docker({ socketPath: '/s.sock' })), /ENOENT.*swarm-operator-certs/);
    const m = withEnv({ ...LEAKY, DOCKER_CERT_PATH: '', DOCKER_TLS_VERIFY: '' }, () => modemOf(new Docker({ protocol: 'ssh', host: 'mgr', port: 22, username: 'me', sshOptions: { agent: '/mine.sock' } })));
    assert.deepEqual([m.pathPrefix, m.timeout, m.sshOptions?.['agent']], ['/evil', 1, '/tmp/someone-elses-agent.sock']);
  });

  it('a unix socket client is exactly what was asked for', () => {
    const m = withEnv(LEAKY, () => modemOf(createDocker({ socketPath: '/s.sock' })));
    assert.deepEqual([m.socketPath, m.host, m.port, m.pathPrefix, m.timeout, m.ca, m.protocol], ['/s.sock', undefined, undefined, undefined, undefined, undefined, 'http']);
  });

  it('an ssh client keeps its own agent and options; DOCKER_HOST is back afterwards', () => {
    const m = withEnv({ ...LEAKY, DOCKER_TLS_VERIFY: '' }, () => {
      const d = modemOf(createDocker({ protocol: 'ssh', host: 'mgr', port: 22, username: 'me', sshOptions: { agent: '/mine.sock' } }));
      assert.equal(process.env.DOCKER_HOST, LEAKY.DOCKER_HOST, 'restored');
      return d;
    });
    assert.deepEqual([m.host, m.username, m.pathPrefix, m.timeout, m.sshOptions?.['agent']], ['mgr', 'me', undefined, undefined, '/mine.sock']);
  });

  it('the extension\'s client for swarm.dockerHost ignores all of them', () => {
    const api = withEnv({ ...LEAKY, DOCKER_TLS_VERIFY: '' }, () => createSwarmApi('unix:///run/s.sock'));
    const m = modemOf(api.docker);
    assert.deepEqual([m.socketPath, m.host, m.protocol, m.pathPrefix, m.timeout, m.ca], ['/run/s.sock', undefined, 'http', undefined, undefined, undefined]);
  });
});
