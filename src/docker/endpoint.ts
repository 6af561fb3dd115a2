// Which Docker endpoint to talk to, resolved the way the docker CLI does:
// swarm.dockerHost setting → DOCKER_HOST → Docker context → default socket.
// Pure: environment, file system and hashing are injected, so tests run on an in-memory fake.
import * as nodePath from 'node:path';

export type EndpointSource =
  | { readonly kind: 'setting' }
  | { readonly kind: 'env' }
  | { readonly kind: 'context'; readonly name: string }
  | { readonly kind: 'default' };

/** TLS material as file PATHS (the adapter reads them); absent files are left out. */
export interface TlsFiles {
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  /** Verify the daemon's certificate (off: encrypt only, like DOCKER_TLS_VERIFY unset). */
  readonly verify: boolean;
}

export type Endpoint =
  | { readonly kind: 'unix'; readonly path: string; readonly source: EndpointSource }
  | { readonly kind: 'npipe'; readonly path: string; readonly source: EndpointSource }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly tls?: TlsFiles; readonly source: EndpointSource }
  | { readonly kind: 'ssh'; readonly host: string; readonly port: number; readonly username?: string; readonly source: EndpointSource };

export interface ResolveInput {
  /** The swarm.dockerHost setting. */
  readonly setting?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly platform: NodeJS.Platform;
  /** File contents, or undefined when the file does not exist. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  /** Hex SHA-256 digest: Docker stores a context under the digest of its name. */
  sha256(text: string): string;
}

/** The endpoint cannot be resolved; the message says where the bad value came from and what to do. */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
  constructor(message: string, readonly source: EndpointSource) {
    super(message);
  }
}

const DEFAULT_UNIX = '/var/run/docker.sock';
const DEFAULT_PIPE = '//./pipe/docker_engine';
const SCHEMES = 'use unix://, tcp://, ssh:// or npipe://';

export function resolveEndpoint(input: ResolveInput): Endpoint {
  const setting = input.setting?.trim();
  if (setting) return fromHostString(setting, { kind: 'setting' }, input);
  // The docker CLI lets DOCKER_HOST override DOCKER_CONTEXT and the current context.
  const dockerHost = input.env.DOCKER_HOST?.trim();
  if (dockerHost) return fromHostString(dockerHost, { kind: 'env' }, input);
  return fromContext(input) ?? defaultEndpoint(input.platform);
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

function defaultEndpoint(platform: NodeJS.Platform): Endpoint {
  const source = { kind: 'default' } as const;
  return platform === 'win32' ? { kind: 'npipe', path: DEFAULT_PIPE, source } : { kind: 'unix', path: DEFAULT_UNIX, source };
}

// ---- host strings -------------------------------------------------------------------------

type Target =
  | { readonly kind: 'unix' | 'npipe'; readonly path: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port?: number; readonly https: boolean }
  | { readonly kind: 'ssh'; readonly host: string; readonly port: number; readonly username?: string };

/** Parses a host string; a string result says why it is not an endpoint. */
function parseHost(raw: string): Target | string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(raw);
  // Like the docker CLI, a bare "host:port" means tcp.
  const scheme = m ? m[1].toLowerCase() : 'tcp';
  const rest = m ? m[2] : raw;
  switch (scheme) {
    case 'unix': return { kind: 'unix', path: rest || DEFAULT_UNIX };
    // npipe:////./pipe/name keeps "//./pipe/name": the form Node (and dockerode) take as socketPath.
    case 'npipe': return { kind: 'npipe', path: rest || DEFAULT_PIPE };
    case 'tcp': case 'http': case 'https': case 'ssh': break;
    default: return `is not a Docker endpoint: ${SCHEMES}`;
  }
  let url: URL;
  try {
    // Always parse as a non-special scheme: "http://h:80" would otherwise lose its port.
    url = new URL(`${scheme === 'ssh' ? 'ssh' : 'tcp'}://${rest}`);
  } catch {
    return `is not a valid address: write it as ${scheme}://host:port`;
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return `has no host: write it as ${scheme}://host:port`;
  if (url.pathname && url.pathname !== '/') return `has a path ("${url.pathname}"), which is not supported: remove it`;
  const port = url.port ? Number(url.port) : undefined;
  if (scheme !== 'ssh') return { kind: 'tcp', host, port, https: scheme === 'https' };
  if (url.password) return 'contains a password, which is not supported: use an SSH key or ssh-agent';
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  return { kind: 'ssh', host, port: port ?? 22, ...(username ? { username } : {}) };
}

function toEndpoint(t: Target, source: EndpointSource, tls: TlsFiles | undefined): Endpoint {
  if (t.kind !== 'tcp') return { ...t, source };
  // Docker's conventional ports: 2376 speaks TLS, 2375 plain HTTP.
  const port = t.port ?? (tls ? 2376 : 2375);
  return { kind: 'tcp', host: t.host, port, ...(tls ? { tls } : {}), source };
}

/** The setting or DOCKER_HOST; TLS comes from DOCKER_TLS_VERIFY / DOCKER_CERT_PATH as in the CLI. */
function fromHostString(raw: string, source: EndpointSource, input: ResolveInput): Endpoint {
  const target = parseHost(raw);
  if (typeof target === 'string') {
    const name = source.kind === 'setting' ? 'swarm.dockerHost' : 'DOCKER_HOST';
    const fix = source.kind === 'setting' ? 'Fix or clear the swarm.dockerHost setting.' : 'Fix or unset DOCKER_HOST.';
    throw new EndpointError(`${name} "${raw}" ${target}. ${fix}`, source);
  }
  return toEndpoint(target, source, target.kind === 'tcp' ? envTls(target.https, input) : undefined);
}

function envTls(https: boolean, input: ResolveInput): TlsFiles | undefined {
  const verifyVar = input.env.DOCKER_TLS_VERIFY;
  const verifyOn = verifyVar !== undefined && verifyVar !== '' && verifyVar !== '0';
  const certPath = input.env.DOCKER_CERT_PATH || undefined;
  if (!verifyOn && !certPath && !https) return undefined;
  // An https:// URL asks for a verified connection unless DOCKER_TLS_VERIFY says otherwise.
  const verify = verifyOn || (https && verifyVar === undefined);
  return { ...tlsFiles(certPath ?? configDir(input), input), verify };
}

function tlsFiles(dir: string, input: ResolveInput): Omit<TlsFiles, 'verify'> {
  const files: { ca?: string; cert?: string; key?: string } = {};
  for (const name of ['ca', 'cert', 'key'] as const) {
    const file = join(input, dir, `${name}.pem`);
    if (input.exists(file)) files[name] = file;
  }
  return files;
}

// ---- Docker contexts ----------------------------------------------------------------------

function join(input: ResolveInput, ...parts: string[]): string {
  return (input.platform === 'win32' ? nodePath.win32 : nodePath.posix).join(...parts);
}

function configDir(input: ResolveInput): string {
  return input.env.DOCKER_CONFIG || join(input, input.homedir, '.docker');
}

/** `value[key]` when value is a plain object. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function parseJson(text: string, file: string, what: string, source: EndpointSource): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new EndpointError(`${what} ${file} is not valid JSON (${why}). Fix or remove the file.`, source);
  }
}

function fromContext(input: ResolveInput): Endpoint | undefined {
  const dir = configDir(input);
  const envName = input.env.DOCKER_CONTEXT?.trim();
  const configFile = join(input, dir, 'config.json');
  let name = envName;
  if (!name) {
    const text = input.readFile(configFile);
    // No context chosen yet: a broken config.json stops the fallback before the default socket.
    const current = text === undefined ? undefined : field(parseJson(text, configFile, 'Docker config', { kind: 'default' }), 'currentContext');
    name = typeof current === 'string' ? current.trim() : undefined;
  }
  // "default" is the CLI's built-in context: DOCKER_HOST or the default socket.
  if (!name || name === 'default') return undefined;

  const source: EndpointSource = { kind: 'context', name };
  const digest = input.sha256(name);
  const metaFile = join(input, dir, 'contexts', 'meta', digest, 'meta.json');
  const text = input.readFile(metaFile);
  if (text === undefined) {
    const chosen = envName ? 'DOCKER_CONTEXT names' : `${configFile} selects`;
    const fix = envName ? 'set DOCKER_CONTEXT to one of them, or unset it' : 'run "docker context use <name>", or "docker context use default"';
    throw new EndpointError(`${chosen} Docker context "${name}", which does not exist (no ${metaFile}). `
      + `Run "docker context ls" to see the contexts, then ${fix}.`, source);
  }
  const docker = field(field(parseJson(text, metaFile, `Docker context "${name}":`, source), 'Endpoints'), 'docker');
  const host = field(docker, 'Host');
  if (typeof host !== 'string' || !host.trim()) {
    throw new EndpointError(`Docker context "${name}" has no Docker host (Endpoints.docker.Host in ${metaFile}). `
      + `Fix it with "docker context update ${name} --docker host=...", or run "docker context use default".`, source);
  }
  const target = parseHost(host.trim());
  if (typeof target === 'string') {
    throw new EndpointError(`Docker context "${name}" has host "${host}", which ${target}. `
      + `Fix it with "docker context update ${name} --docker host=...", or run "docker context use default".`, source);
  }
  if (target.kind !== 'tcp') return toEndpoint(target, source, undefined);
  // As in the CLI: TLS when the context stores TLS material or skips verification.
  const skipVerify = field(docker, 'SkipTLSVerify') === true;
  const files = tlsFiles(join(input, dir, 'contexts', 'tls', digest, 'docker'), input);
  const hasFiles = Object.keys(files).length > 0;
  const tls = hasFiles || skipVerify || target.https ? { ...files, verify: !skipVerify } : undefined;
  return toEndpoint(target, source, tls);
}
