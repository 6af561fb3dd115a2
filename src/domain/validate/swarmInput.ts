// What `docker swarm init|join|unlock` accept, checked before asking the Engine: addresses
// (an IP or an interface name, optional port), join tokens (SwarmKit ca/config.go: SWMTKN-1-<50
// base-36 digits>-<25 base-36 digits>, or SWMTKN-2-<0|1>-… under FIPS) and unlock keys
// (manager/encryption: SWMKEY-1-<raw base64>). Each validator returns an error message or undefined.

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const INTERFACE = /^[a-zA-Z0-9_.:@-]{1,15}$/;

function isIpv6(text: string): boolean {
  return /^[0-9a-fA-F:]+$/.test(text) && text.includes(':') && text.split('::').length <= 2;
}

/** `host[:port]` or `[v6]:port`, split; port undefined when absent. */
function splitHostPort(text: string): { host: string; port?: string } {
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (v6) return { host: v6[1] ?? '', port: v6[2] };
  const colons = text.split(':').length - 1;
  if (colons === 1) { const [host = '', port] = text.split(':'); return { host, port }; }
  return { host: text };
}

function portProblem(port: string | undefined, text: string): string | undefined {
  if (port === undefined) return undefined;
  const n = Number(port);
  return /^\d+$/.test(port) && n >= 1 && n <= 65535 ? undefined : `The port in "${text}" must be a number from 1 to 65535.`;
}

/** Advertise or listen address: an IP or interface name, with an optional port. Empty is fine for advertise (the engine picks). */
export function validateNodeAddress(text: string, what: 'advertise' | 'listen'): string | undefined {
  const t = text.trim();
  if (t === '') return what === 'advertise' ? undefined : 'The listen address is needed, e.g. 0.0.0.0:2377.';
  const { host, port } = splitHostPort(t);
  if (!(IPV4.test(host) || isIpv6(host) || INTERFACE.test(host))) {
    return `"${host}" is neither an IP address nor a network interface name: write e.g. 10.0.0.5, eth0 or 10.0.0.5:2377.`;
  }
  return portProblem(port, t);
}

/** A manager to join: `host[:port]` (port 2377 when left out). */
export function validateRemoteAddress(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'The address of a manager is needed, e.g. 10.0.0.1:2377.';
  const { host, port } = splitHostPort(t);
  if (!(IPV4.test(host) || isIpv6(host) || HOSTNAME.test(host))) return `"${host}" is not a host name or IP address: write e.g. 10.0.0.1:2377.`;
  return portProblem(port, t);
}

export function validateJoinToken(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'Paste the join token ("docker swarm join-token worker" or "manager" on a manager prints it).';
  if (!t.startsWith('SWMTKN-')) return 'A join token starts with SWMTKN- ("docker swarm join-token -q worker" on a manager prints it).';
  if (!/^SWMTKN-(1|2-[01])-[0-9a-z]{50}-[0-9a-z]{25}$/.test(t)) return 'This join token is incomplete or altered: copy it again in full.';
  return undefined;
}

export function validateUnlockKey(text: string): string | undefined {
  const t = text.trim();
  if (!t.startsWith('SWMKEY-1-')) return 'An unlock key starts with SWMKEY-1- (printed by "docker swarm init --autolock" or "docker swarm unlock-key").';
  const body = t.slice('SWMKEY-1-'.length);
  if (!/^[A-Za-z0-9+/]+$/.test(body) || body.length % 4 === 1) return 'This unlock key is incomplete or altered: copy it again in full.';
  return undefined;
}

/** The engine's own candidate addresses, from its refusal to choose one (moby daemon/cluster/listen_addr.go errMultipleIPs). */
export function addressesFromInitError(message: string): { readonly address: string; readonly iface?: string }[] {
  const m = /could not choose an IP address to advertise since this system has multiple addresses on (?:interface (\S+) \((\S+) and (\S+)\)|different interfaces \((\S+) on (\S+) and (\S+) on (\S+)\))/i.exec(message);
  if (!m) return [];
  if (m[1] !== undefined) return [{ address: m[2] ?? '', iface: m[1] }, { address: m[3] ?? '', iface: m[1] }];
  return [{ address: m[4] ?? '', iface: m[5] }, { address: m[6] ?? '', iface: m[7] }];
}
