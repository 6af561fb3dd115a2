// Docker host strings (`tcp://h:2376`, `unix:///s.sock`, `ssh://u@h`, `npipe:////./pipe/p`) as the docker CLI reads them.

export const DEFAULT_UNIX = '/var/run/docker.sock';
export const DEFAULT_PIPE = '//./pipe/docker_engine';
const SCHEMES = 'use unix://, tcp://, ssh:// or npipe://';

export type Target =
  | { readonly kind: 'unix' | 'npipe'; readonly path: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port?: number }
  | { readonly kind: 'ssh'; readonly host: string; readonly port: number; readonly username?: string };

/**
 * Parses a host string; a string result says why it is not an endpoint. `-H`/DOCKER_HOST accept
 * tcp://, unix://, npipe://, ssh:// and a bare host:port (opts/hosts.go); a context's host is
 * handed to the Engine client as is, which also takes http:// and https:// as plain tcp (TLS comes
 * only from the context's TLS material).
 */
export function parseHost(raw: string, from: 'flag' | 'context'): Target | string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(raw);
  const scheme = m ? m[1].toLowerCase() : 'tcp';
  const rest = m ? m[2] : raw;
  switch (scheme) {
    case 'unix': return { kind: 'unix', path: rest || DEFAULT_UNIX };
    // npipe:////./pipe/name keeps "//./pipe/name": the form Node (and dockerode) take as socketPath.
    case 'npipe': return { kind: 'npipe', path: rest || DEFAULT_PIPE };
    case 'tcp': case 'ssh': break;
    case 'http': case 'https':
      if (from === 'context') break;
      return `is not an address the docker CLI accepts ("invalid bind address format"): write tcp://host:port, with DOCKER_TLS_VERIFY=1 for TLS`;
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
  if (scheme !== 'ssh') return { kind: 'tcp', host, port };
  if (url.password) return 'contains a password, which is not supported: use an SSH key or ssh-agent';
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  return { kind: 'ssh', host, port: port ?? 22, ...(username ? { username } : {}) };
}
