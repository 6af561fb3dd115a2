// Value syntaxes the docker CLI parses after validation, each as the Go function it calls does (read
// from source): durations, byte sizes, CPU counts. Each returns the value, or undefined when the CLI
// refuses the text.

const UNIT_NS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION_PART = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]*)/;

/** Go's time.ParseDuration, in nanoseconds: [-+]?([0-9]*(\.[0-9]*)?unit)+, or a bare 0. */
export function parseDuration(s: string): number | undefined {
  const sign = s[0] === '-' ? -1 : 1;
  let rest = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const m = DURATION_PART.exec(rest);
    const [whole = '', pre = '', post, unit = ''] = m ?? [];
    const scale = UNIT_NS[unit];
    if ((pre === '' && !post) || scale === undefined) return undefined;
    total += Number(`${pre || '0'}.${post || '0'}`) * scale;
    rest = rest.slice(whole.length);
  }
  return total < 2 ** 63 ? sign * total : undefined;
}

/** Go's strconv.ParseFloat on the decimal text the callers below hand it. */
export const GO_FLOAT = /^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const BINARY: Readonly<Record<string, number>> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

/** docker/go-units RAMInBytes: a number, an optional space, an optional b / k m g t p (+ b or ib), any case. */
export function parseBytes(s: string): number | undefined {
  let sep = -1;
  for (let i = s.length - 1; i >= 0; i--) if ('0123456789. '.includes(s[i] ?? '')) { sep = i; break; }
  if (sep < 0) return undefined;
  const num = s[sep] === ' ' ? s.slice(0, sep) : s.slice(0, sep + 1);
  const sfx = s.slice(sep + 1).toLowerCase();
  if (!GO_FLOAT.test(num) || Number(num) < 0) return undefined;
  const size = Number(num);
  if (sfx === '' || sfx === 'b') return Math.trunc(size);
  const mul = BINARY[sfx[0] ?? ''];
  if (sfx.length > 3 || mul === undefined) return undefined;
  if (sfx.length === 2 ? sfx[1] !== 'b' : sfx.length === 3 && sfx.slice(1) !== 'ib') return undefined;
  return Math.trunc(size * mul);
}

/** docker's ParseCPUs, in nano-CPUs: a rational (`1.5`, `3/4`, `1e-3`) that is a whole number of nano-CPUs. */
export function parseCpus(s: string): number | undefined {
  const frac = /^([-+]?[0-9]+)\/([0-9]+)$/.exec(s);
  if (frac) {
    const nano = (Number(frac[1]) * 1e9) / Number(frac[2]);
    return Number(frac[2]) !== 0 && Number.isInteger(nano) ? nano : undefined;
  }
  if (!GO_FLOAT.test(s)) return undefined;
  const [mantissa = '', exp = '0'] = s.toLowerCase().split('e');
  const decimals = (mantissa.split('.')[1] ?? '').replace(/0+$/, '').length - Number(exp);
  return decimals <= 9 ? Math.round(Number(s) * 1e9) : undefined;
}
