// Which nodes a service's placement constraints allow, as SwarmKit's scheduler decides
// (moby/swarmkit manager/constraint/constraint.go NodeMatches): every constraint must match; values
// compare case-insensitively; a missing label or hostname counts as ""; `node.ip` takes an address
// or a CIDR; an unknown attribute matches no node. The grammar is the stack engine's (one parser).
import { parseConstraint } from './constraints';
import type { SwarmNode } from './model';

function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts.reduce((a, p) => a * 256 + p, 0) : undefined;
}

/** node.ip == value: an address or a CIDR (IPv4; IPv6 compares as text). undefined: malformed. */
function ipMatches(nodeAddr: string, value: string): boolean | undefined {
  const [net, bits] = value.split('/');
  const node = ipv4(nodeAddr);
  const base = ipv4(net ?? '');
  if (bits === undefined) return base !== undefined && node !== undefined ? base === node : nodeAddr.toLowerCase() === value.toLowerCase();
  const n = Number(bits);
  if (base === undefined || node === undefined || !Number.isInteger(n) || n < 0 || n > 32) return undefined;
  const size = 2 ** (32 - n);
  return Math.floor(node / size) === Math.floor(base / size);
}

/** The value a node has for a constraint attribute; undefined for an unknown attribute. */
function attribute(node: SwarmNode, attr: string): string | undefined {
  const key = attr.toLowerCase();
  const [os = '', arch = ''] = node.platform.split('/');
  switch (key) {
    case 'node.id': return node.id;
    case 'node.hostname': return node.hostname;
    case 'node.role': return node.role;
    case 'node.platform.os': return os;
    case 'node.platform.arch': return arch;
  }
  // Label names are case-sensitive; the prefix is not.
  if (key.startsWith('node.labels.') && attr.length > 12) return node.labels[attr.slice(12)] ?? '';
  if (key.startsWith('engine.labels.') && attr.length > 14) return node.engineLabels[attr.slice(14)] ?? '';
  return undefined;
}

export function meetsConstraint(node: SwarmNode, text: string): boolean {
  const c = parseConstraint(text);
  if (!c) return false;
  if (c.attr.toLowerCase() === 'node.ip') {
    const match = ipMatches(node.addr, c.value);
    return match !== undefined && match === (c.op === '==');
  }
  const have = attribute(node, c.attr);
  if (have === undefined) return false;
  return (have.toLowerCase() === c.value.toLowerCase()) === (c.op === '==');
}

export function meetsConstraints(node: SwarmNode, constraints: readonly string[]): boolean {
  return constraints.every((c) => meetsConstraint(node, c));
}
