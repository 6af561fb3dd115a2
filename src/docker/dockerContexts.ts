// Docker contexts as the CLI stores them: ~/.docker/contexts/meta/<sha256 of the name>/meta.json
// holds the endpoint, ~/.docker/contexts/tls/<sha256>/docker/ its TLS material.
import { hasTlsMaterial, tlsMaterial } from './cliTls';
import { configDir, field, join, parseJson } from './configFiles';
import { parseHost } from './hostString';
import { EndpointError, type Endpoint, type EndpointSource, type ResolveInput } from './endpointTypes';

/**
 * The context the CLI would use when neither -H nor DOCKER_HOST is given: DOCKER_CONTEXT, then
 * `currentContext` of config.json; undefined for the built-in "default".
 */
export function currentContextName(input: ResolveInput): string | undefined {
  let name = input.env.DOCKER_CONTEXT?.trim();
  if (!name) {
    const configFile = join(input, configDir(input), 'config.json');
    const text = input.readFile(configFile);
    // No context chosen yet: a broken config.json stops the fallback before the default socket.
    const current = text === undefined ? undefined : field(parseJson(text, configFile, 'Docker config', { kind: 'default' }), 'currentContext');
    name = typeof current === 'string' ? current.trim() : undefined;
  }
  return !name || name === 'default' ? undefined : name;
}

/** The endpoint of context `name`; `chosenBy` words the error when it does not exist. */
export function contextEndpoint(name: string, input: ResolveInput, chosenBy: 'env' | 'config' | 'list'): Endpoint {
  const dir = configDir(input);
  const source: EndpointSource = { kind: 'context', name };
  const digest = input.sha256(name);
  const metaFile = join(input, dir, 'contexts', 'meta', digest, 'meta.json');
  const text = input.readFile(metaFile);
  if (text === undefined) {
    const configFile = join(input, dir, 'config.json');
    const chosen = chosenBy === 'env' ? 'DOCKER_CONTEXT names' : `${configFile} selects`;
    const fix = chosenBy === 'env' ? 'set DOCKER_CONTEXT to one of them, or unset it' : 'run "docker context use <name>", or "docker context use default"';
    throw new EndpointError(`${chosen} Docker context "${name}", which does not exist (no ${metaFile}). `
      + `Run "docker context ls" to see the contexts, then ${fix}.`, source);
  }
  const docker = field(field(parseJson(text, metaFile, `Docker context "${name}":`, source), 'Endpoints'), 'docker');
  const host = field(docker, 'Host');
  const fix = `Fix it with "docker context update ${name} --docker host=...", or run "docker context use default".`;
  if (typeof host !== 'string' || !host.trim()) {
    throw new EndpointError(`Docker context "${name}" has no Docker host (Endpoints.docker.Host in ${metaFile}). ${fix}`, source);
  }
  const target = parseHost(host.trim(), 'context');
  if (typeof target === 'string') throw new EndpointError(`Docker context "${name}" has host "${host}", which ${target}. ${fix}`, source);
  if (target.kind !== 'tcp') return { ...target, source };
  // The client dials the address as given: without a port the CLI cannot connect either.
  if (target.port === undefined) throw new EndpointError(`Docker context "${name}" has host "${host}" without a port, which the docker CLI cannot connect to. ${fix}`, source);
  const skipVerify = field(docker, 'SkipTLSVerify') === true;
  const tlsDir = join(input, dir, 'contexts', 'tls', digest, 'docker');
  const tls = hasTlsMaterial(tlsDir, input) || skipVerify ? tlsMaterial(tlsDir, input, !skipVerify) : undefined;
  return { kind: 'tcp', host: target.host, port: target.port, ...(tls ? { tls } : {}), source };
}

/** Every context whose endpoint resolves (broken ones are skipped): the failover candidates. */
export function allContextEndpoints(input: ResolveInput): Endpoint[] {
  const out: Endpoint[] = [];
  const metaDir = join(input, configDir(input), 'contexts', 'meta');
  for (const digest of input.listDir(metaDir)) {
    const text = input.readFile(join(input, metaDir, digest, 'meta.json'));
    const name = text === undefined ? undefined : field(safeJson(text), 'Name');
    if (typeof name !== 'string') continue;
    try { out.push(contextEndpoint(name, input, 'list')); } catch { /* a broken context is not a candidate */ }
  }
  return out;
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return undefined; }
}
