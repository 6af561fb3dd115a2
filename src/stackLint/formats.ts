// Value formats the CLI parses after schema validation; a bad one fails the deploy.

/** Go's time.ParseDuration: one or more <number><unit>, or a bare 0. */
const DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
export function isDuration(s: string): boolean {
  return s === '0' || DURATION.test(s);
}

/** docker/go-units RAMInBytes: number, optional space, optional unit (k/m/g/t/p), optional i and b. */
const BYTES = /^\d+(?:\.\d+)? ?(?:[kKmMgGtTpP])?[iI]?[bB]?$/;
export function isBytes(s: string): boolean {
  return BYTES.test(s);
}

/** NanoCPUs are parsed from a decimal number. */
export function isCpus(s: string): boolean {
  return /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(s) && Number(s) > 0;
}

const PORT_RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;
function validRange(s: string): boolean {
  const m = PORT_RANGE.exec(s);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= hi && hi <= 65535;
}

/** Short port syntax: [[ip:]published:]target[/protocol], with ranges and [IPv6] hosts. */
export function isShortPort(spec: string): boolean {
  let rest = spec;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    if (!['tcp', 'udp', 'sctp'].includes(rest.slice(slash + 1).toLowerCase())) return false;
    rest = rest.slice(0, slash);
  }
  let ip = '';
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) return false;
    ip = rest.slice(1, close);
    rest = rest.slice(close + 2);
    if (!/^[0-9a-fA-F:.]+$/.test(ip)) return false;
  }
  const parts = rest.split(':');
  if (parts.length > 3 || (ip && parts.length > 2)) return false;
  if (parts.length === 3) {
    if (parts[0] !== '' && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(parts[0])) return false;
    parts.shift();
  }
  const target = parts[parts.length - 1];
  if (!validRange(target)) return false;
  // An empty published part ("ip::80") lets swarm choose the published port.
  return parts.length === 1 || parts[0] === '' || validRange(parts[0]);
}
