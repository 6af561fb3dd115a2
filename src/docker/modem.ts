// The one place a Docker client is made for an endpoint. docker-modem builds its defaults from the
// environment whenever DOCKER_HOST is set (host, TLS files it reads at once and throws on if they
// are missing, DOCKER_PATH_PREFIX, DOCKER_CLIENT_TIMEOUT — an idle-socket timeout that would cut the
// event stream — and an ssh-agent that overrides ours) and merges them under, or for sshOptions
// over, what it is given. The endpoint has already been resolved the docker CLI's way, so nothing
// may come from there: the constructor runs with DOCKER_HOST hidden (it is synchronous, so no
// other code can observe that), which makes docker-modem read no variable at all.
import Docker from 'dockerode';
import type { ModemOptions } from './dockerOptions';

/** Every modem field docker-modem reads from its options; fields we leave undefined stay undefined. */
const UNSET = {
  socketPath: undefined, host: undefined, port: undefined, protocol: undefined, pathPrefix: undefined,
  username: undefined, password: undefined, version: undefined, ca: undefined, cert: undefined, key: undefined,
  timeout: undefined, connectionTimeout: undefined, checkServerIdentity: undefined, agent: undefined,
  headers: undefined, sshOptions: undefined,
} as const;

export function createDocker(options: ModemOptions, env: NodeJS.ProcessEnv = process.env): Docker {
  const saved = env.DOCKER_HOST;
  delete env.DOCKER_HOST;
  try {
    return new Docker({ ...UNSET, ...options });
  } finally {
    if (saved !== undefined) env.DOCKER_HOST = saved;
  }
}
