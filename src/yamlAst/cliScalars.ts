// How the docker CLI's YAML reader (go-yaml v3, vendored by docker/cli) types a scalar: facts read from
// its resolver, not YAML 1.2's core schema. `yes`/`on` stay strings, `0440` is octal, `1_000` is an int,
// `2024-01-01` is a timestamp (a string once the CLI turns the file into JSON), `1e999` is a string.

/** The tag go-yaml gives a scalar; only `str` (and `merge`) keys make a mapping the CLI accepts. */
export type ScalarTag = 'str' | 'int' | 'float' | 'bool' | 'null' | 'timestamp' | 'merge';

export interface Resolved { readonly tag: ScalarTag; readonly value: unknown }

const FIXED: ReadonlyMap<string, Resolved> = new Map<string, Resolved>([
  ...['true', 'True', 'TRUE'].map((s): [string, Resolved] => [s, { tag: 'bool', value: true }]),
  ...['false', 'False', 'FALSE'].map((s): [string, Resolved] => [s, { tag: 'bool', value: false }]),
  ...['', '~', 'null', 'Null', 'NULL'].map((s): [string, Resolved] => [s, { tag: 'null', value: null }]),
  ...['.nan', '.NaN', '.NAN'].map((s): [string, Resolved] => [s, { tag: 'float', value: NaN }]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s): [string, Resolved] => [s, { tag: 'float', value: Infinity }]),
  ...['-.inf', '-.Inf', '-.INF'].map((s): [string, Resolved] => [s, { tag: 'float', value: -Infinity }]),
  ['<<', { tag: 'merge', value: '<<' }],
]);

const str = (s: string): Resolved => ({ tag: 'str', value: s });

/** Go's strconv.ParseInt/ParseUint with base 0 (after go-yaml dropped every `_`): sign, 0x / 0o / 0b / leading-0 octal. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|(0[0-7]*)|([1-9][0-9]*))$/;
const MAX_UINT = 2 ** 64;
const MIN_INT = -(2 ** 63);

function goInt(plain: string): number | undefined {
  const m = GO_INT.exec(plain);
  if (!m) return undefined;
  const [, sign, hex, oct, bin, zeroOct, dec] = m;
  let v: number;
  if (hex !== undefined) v = parseInt(hex, 16);
  else if (oct !== undefined) v = parseInt(oct, 8);
  else if (bin !== undefined) v = parseInt(bin, 2);
  else if (zeroOct !== undefined) v = zeroOct.length > 1 ? parseInt(zeroOct.slice(1), 8) : 0;
  else v = parseInt(dec ?? '', 10);
  // Beyond int64 go-yaml tries uint64 (no sign allowed), then gives up on an int.
  if (sign === '-') return -v < MIN_INT ? undefined : -v || 0;
  if (v >= MAX_UINT || (sign === '+' && v >= 2 ** 63)) return undefined;
  return v;
}

const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Go's ParseFloat on text go-yaml hands it; out of range is an error there (the scalar stays a string). */
function goFloat(s: string): number | undefined {
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[-+]\d{2}:\d{2})?)?$/;

/** go-yaml's timestamp layouts: date, date T|t time zone, date space time (no zone). */
function isTimestamp(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [, y, mo, d, sep, h, mi, sec, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap ? 28 : DAYS[month - 1] ?? 0)) return false;
  if (sep === undefined) return true;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return false;
  if (zone !== undefined && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return false;
  return sep === ' ' ? zone === undefined : zone !== undefined;
}

/** A plain (unquoted, untagged) scalar, as go-yaml resolves it. */
export function resolvePlain(s: string): Resolved {
  const fixed = FIXED.get(s);
  if (fixed) return fixed;
  const c = s.charCodeAt(0);
  if (c === 0x2e /* . */) {
    const v = /^\.[0-9]/.test(s) ? goFloat(s) : undefined;
    return v === undefined || !/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(s) ? str(s) : { tag: 'float', value: v };
  }
  const digit = c >= 0x30 && c <= 0x39;
  if (!digit && c !== 0x2b /* + */ && c !== 0x2d /* - */) return str(s);
  if (digit && isTimestamp(s)) return { tag: 'timestamp', value: s };
  const plain = s.includes('_') ? s.replace(/_/g, '') : s;
  const int = goInt(plain);
  if (int !== undefined) return { tag: 'int', value: int };
  if (YAML_FLOAT.test(plain)) {
    const v = goFloat(plain);
    if (v !== undefined) return { tag: 'float', value: v };
  }
  return str(s);
}

const SHORT: Readonly<Record<string, ScalarTag | 'binary'>> = {
  'tag:yaml.org,2002:str': 'str', 'tag:yaml.org,2002:int': 'int', 'tag:yaml.org,2002:float': 'float',
  'tag:yaml.org,2002:bool': 'bool', 'tag:yaml.org,2002:null': 'null', 'tag:yaml.org,2002:timestamp': 'timestamp',
  'tag:yaml.org,2002:binary': 'binary', 'tag:yaml.org,2002:merge': 'merge',
};

/**
 * A scalar with its source text (`text`: the content, quotes and escapes resolved), whether it was
 * quoted or a block scalar, and its explicit tag if any. Undefined: a tag go-yaml refuses for the text
 * ("cannot decode !!str `x` as a !!int").
 */
export function resolveScalar(text: string, plain: boolean, tag?: string): Resolved | undefined {
  if (tag === undefined || tag === '!') return plain ? resolvePlain(text) : str(text);
  const want = SHORT[tag];
  if (want === undefined) return str(text); // a local tag (`!foo`): the CLI reads the text
  if (want === 'str' || want === 'binary') return str(text);
  const got = resolvePlain(text);
  if (got.tag === want || (want === 'float' && got.tag === 'int')) return got;
  return undefined;
}
