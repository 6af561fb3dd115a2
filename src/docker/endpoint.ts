// Which Docker endpoint to talk to, resolved the way the docker CLI does:
// swarm.dockerHost setting (like `-H`) → DOCKER_HOST → Docker context → default socket.
// Pure: environment, file system and hashing are injected, so tests run on an in-memory fake.
// The CLI's rules are in docker/cli v28.2.2: cli/command/cli.go (resolveContextName,
// resolveDefaultDockerEndpoint), opts/hosts.go (ParseHost) and cli/context/docker/load.go.
import { contextEndpoint, currentContextName } from './dockerContexts';
import { DEFAULT_PIPE, DEFAULT_UNIX, parseHost } from './hostString';
import { envTls } from './cliTls';
import { EndpointError, type Endpoint, type EndpointSource, type ResolveInput } from './endpointTypes';

export { EndpointError, type Endpoint, type EndpointSource, type ResolveInput, type TlsFiles } from './endpointTypes';

/** opts/hosts.go: a tcp address without a port gets 2375, TLS or not. */
const DEFAULT_TCP_PORT = 2375;

export function resolveEndpoint(input: ResolveInput): Endpoint {
  const setting = input.setting?.trim();
  if (setting) return fromHostString(setting, { kind: 'setting' }, input);
  // The docker CLI lets DOCKER_HOST override DOCKER_CONTEXT and the current context.
  const dockerHost = input.env.DOCKER_HOST?.trim();
  if (dockerHost) return fromHostString(dockerHost, { kind: 'env' }, input);
  const name = currentContextName(input);
  // "default" is the CLI's built-in context: DOCKER_HOST or the default socket.
  if (name) return contextEndpoint(name, input, input.env.DOCKER_CONTEXT?.trim() ? 'env' : 'config');
  return defaultEndpoint(input);
}

/** The URL alone, e.g. `tcp://10.0.0.1:2376 (TLS)`; see describeSource for where it came from. */
export function endpointLabel(e: Endpoint): string {
  switch (e.kind) {
    case 'unix': return `unix://${e.path}`;
    case 'npipe': return `npipe://${e.path}`;
    case 'tcp': return `tcp://${hostPort(e.host, e.port)}${e.tls ? ' (TLS)' : ''}`;
    case 'ssh': return `ssh://${e.username ? `${e.username}@` : ''}${hostPort(e.host, e.port)}`;
  }
}

/** Where an endpoint (or an EndpointError) came from, for messages. */
export function describeSource(from: { readonly source: EndpointSource }): string {
  const s = from.source;
  switch (s.kind) {
    case 'setting': return 'swarm.dockerHost setting';
    case 'env': return 'DOCKER_HOST';
    case 'context': return `Docker context "${s.name}"`;
    case 'default': return 'default socket';
  }
}

function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** No host anywhere: the default socket, or with TLS asked for by the environment, tcp://localhost:2376 (the CLI's DefaultTLSHost). */
function defaultEndpoint(input: ResolveInput): Endpoint {
  const source = { kind: 'default' } as const;
  const tls = envTls(input, source);
  if (tls) return { kind: 'tcp', host: 'localhost', port: 2376, tls, source };
  return input.platform === 'win32' ? { kind: 'npipe', path: DEFAULT_PIPE, source } : { kind: 'unix', path: DEFAULT_UNIX, source };
}

/** The setting or DOCKER_HOST, with TLS from DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH as in the CLI. */
function fromHostString(raw: string, source: EndpointSource, input: ResolveInput): Endpoint {
  const target = parseHost(raw, 'flag');
  if (typeof target === 'string') {
    const name = source.kind === 'setting' ? 'swarm.dockerHost' : 'DOCKER_HOST';
    const fix = source.kind === 'setting' ? 'Fix or clear the swarm.dockerHost setting.' : 'Fix or unset DOCKER_HOST.';
    throw new EndpointError(`${name} "${raw}" ${target}. ${fix}`, source);
  }
  // The CLI loads the TLS files before it looks at the scheme: a missing ca.pem fails even for unix://.
  const tls = envTls(input, source);
  if (target.kind !== 'tcp') return { ...target, source };
  return { kind: 'tcp', host: target.host, port: target.port ?? DEFAULT_TCP_PORT, ...(tls ? { tls } : {}), source };
}
