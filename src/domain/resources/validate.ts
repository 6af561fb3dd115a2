// Input checks for secrets, configs and networks, with the Engine's own limits (SwarmKit
// manager/controlapi: secret.go, config.go, network.go; measured on dockerd 20.10), so a bad value is
// refused with its reason before anything is sent. Each check returns undefined when the value is
// fine, else a message naming the cause and what to do. Pure.
// Swarm network names follow the service names' rule, a DNS name component (no dots).
import { DNS_NAME } from '../validate/serviceInput';

/** Secret and config names: SwarmKit's isValidConfigOrSecretName, at most 64 characters. */
const CONFIG_OR_SECRET_NAME = /^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$/;

/** The Engine refuses secret data of 512000 bytes or more ("less than 512000 bytes"). */
export const MAX_SECRET_BYTES = 500 * 1024 - 1;
/** And config data of 1024000 bytes or more. */
export const MAX_CONFIG_BYTES = 1000 * 1024 - 1;

export type NamedKind = 'secret' | 'config';

export function checkObjectName(kind: NamedKind, name: string, existing: readonly string[] = []): string | undefined {
  if (name === '') return `Enter a name for the ${kind}.`;
  if (name.length > 64) return `"${name.slice(0, 20)}…" has ${name.length} characters; a ${kind} name has at most 64.`;
  if (!CONFIG_OR_SECRET_NAME.test(name)) {
    return `"${name}" is not a valid ${kind} name: use letters, digits, "-", "_" and ".", starting and ending with a letter or digit.`;
  }
  if (existing.includes(name)) return `A ${kind} named "${name}" exists already: ${kind}s cannot be changed, so choose another name (or rotate it).`;
  return undefined;
}

export function checkData(kind: NamedKind, bytes: number): string | undefined {
  const max = kind === 'secret' ? MAX_SECRET_BYTES : MAX_CONFIG_BYTES;
  if (bytes === 0) return `The ${kind} is empty: the Engine needs at least one byte.`;
  if (bytes > max) return `The ${kind} has ${bytes.toLocaleString('en-US')} bytes; the Engine takes at most ${max.toLocaleString('en-US')}.`;
  return undefined;
}

export function checkNetworkName(name: string, existing: readonly string[] = []): string | undefined {
  if (name === '') return 'Enter a name for the network.';
  if (name.length > 63) return `"${name.slice(0, 20)}…" has ${name.length} characters; a swarm network name has at most 63.`;
  if (!DNS_NAME.test(name)) {
    return `"${name}" is not a valid swarm network name: it must be a DNS name component — letters and digits, with "-" or "_" between them (no dots or spaces).`;
  }
  if (existing.includes(name)) return `A network named "${name}" exists already: choose another name.`;
  return undefined;
}

export interface Subnet {
  readonly family: 4 | 6;
  readonly cidr: string;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** Sixteen bytes of an IPv6 address (with `::`), or undefined. */
function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head = '', tail] = text.split('::');
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const missing = 8 - h.length - t.length;
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) return undefined;
  const all = [...h, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...t];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.flatMap((g) => { const n = parseInt(g, 16); return [n >> 8, n & 0xff]; });
}

/** An IPv4 or IPv6 CIDR whose host bits are zero; the Engine takes host bits but uses them as given. */
export function parseSubnet(text: string): Subnet | string {
  const trimmed = text.trim();
  const m = /^([^/]+)\/(\d{1,3})$/.exec(trimmed);
  if (!m) return `"${trimmed}" is not a subnet: write it as an address and a prefix length, e.g. 10.10.0.0/24 or fd00:10::/64.`;
  const addr = m[1] ?? '';
  const bits = Number(m[2]);
  const bytes = addr.includes(':') ? parseIpv6(addr) : parseIpv4(addr);
  if (!bytes) return `"${addr}" is not an IPv4 or IPv6 address.`;
  const family = bytes.length === 4 ? 4 : 6;
  if (bits > bytes.length * 8) return `/${bits} is longer than an IPv${family} address (at most /${bytes.length * 8}).`;
  const network = bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return b & (0xff << (8 - keep)) & 0xff;
  });
  if (network.some((b, i) => b !== bytes[i])) {
    return `${trimmed} has host bits set: did you mean ${formatAddress(network)}/${bits}?`;
  }
  return { family, cidr: trimmed };
}

function formatAddress(bytes: readonly number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  // RFC 5952: the longest run of two or more zero groups becomes "::".
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}
