// Port syntaxes as the docker CLI reads them (go-connections' ParsePortSpec, read from source):
// `[[ip:]published:]target[/protocol]`, ranges `8080-8081:80-81`, `[IPv6]` hosts.

export interface PortRange { readonly start: number; readonly end: number }

export interface PortSpec {
  readonly ip: string;
  readonly published?: PortRange;
  readonly target: PortRange;
  readonly protocol: string;
}

/** Go's net.ParseIP: dotted IPv4 (no leading zeros) or IPv6 (an IPv4 tail allowed). */
export function isIp(s: string): boolean {
  const v4 = (t: string) => /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/.test(t);
  if (v4(s)) return true;
  if (!s.includes(':')) return false;
  let body = s;
  let groups = 8;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    if (!v4(s.slice(lastColon + 1))) return false;
    body = s.slice(0, lastColon + 1) + '0';
    groups = 7;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const parts = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (parts.some((p) => p.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g)))) return false;
  const n = parts.reduce((a, p) => a + p.length, 0);
  return halves.length === 2 ? n < groups : n === groups;
}

/** ParsePortRange: `N` or `N-M` (a third part is ignored), 16-bit, start ≤ end. */
function portRange(s: string): PortRange | undefined {
  const parts = s.split('-');
  const num = (t: string | undefined) => (t !== undefined && /^[0-9]+$/.test(t) && Number(t) <= 65535 ? Number(t) : undefined);
  const start = num(parts[0]);
  const end = parts.length === 1 ? start : num(parts[1]);
  return start === undefined || end === undefined || end < start ? undefined : { start, end };
}

/** The parsed spec, or undefined when the CLI refuses it (the schema's `ports` format). */
export function parsePortSpec(raw: string): PortSpec | undefined {
  const parts = raw.split(':');
  const n = parts.length;
  let target = parts[n - 1] ?? '';
  const published = n >= 2 ? parts[n - 2] ?? '' : '';
  let ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
  const slash = target.split('/');
  let protocol = 'tcp';
  if (target === '' || slash[0] === '') target = '';
  else if (slash.length > 1) { protocol = slash[1] === '' ? 'tcp' : slash[1] ?? ''; target = slash[0] ?? ''; }
  if (ip.startsWith('[')) {
    if (ip.indexOf(']') !== ip.length - 1) return undefined;
    ip = ip.slice(1, -1);
  }
  if ((ip !== '' && !isIp(ip)) || target === '') return undefined;
  const t = portRange(target);
  if (!t) return undefined;
  let p: PortRange | undefined;
  if (published !== '') {
    p = portRange(published);
    if (!p || (p.end - p.start !== t.end - t.start && t.start !== t.end)) return undefined;
  }
  protocol = protocol.toLowerCase();
  if (!['tcp', 'udp', 'sctp'].includes(protocol)) return undefined;
  return { ip, ...(p ? { published: p } : {}), target: t, protocol };
}
