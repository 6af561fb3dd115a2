// The generator's YAML writer: block or flow collections, plain or quoted scalars, 2 or 4 spaces,
// anchors, aliases and merges, block scalars. Style choices are random (seeded); whatever it writes,
// the CLI judges the text, so a style it gets "wrong" is still a valid case.
import { Alias, Anchored, Block, Flow, M, Raw, chance, pick, type GNode, type Rnd } from './model';

export interface Style { readonly unit: number; readonly rnd: Rnd; readonly seqIndent: boolean }

/** Plain is safe when neither YAML 1.1 nor 1.2 nor go-yaml would read the text as anything but that string. */
const PLAIN_SAFE = /^[A-Za-z_/.][A-Za-z0-9_./@=+-]*(?: [A-Za-z0-9_./@=+-]+)*$/;
const TYPED = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|\.inf|\.nan|<<)$/;

function quote(s: string, rnd: Rnd): string {
  if (!/['\\\n\r\t]/.test(s) && !/[^\x20-\x7e]/.test(s) && chance(rnd, 0.3)) return `'${s}'`;
  return JSON.stringify(s);
}

function str(s: string, st: Style, flow: boolean): string {
  const safe = PLAIN_SAFE.test(s) && !TYPED.test(s) && !(flow && /[,[\]{}]/.test(s));
  return safe && chance(st.rnd, 0.8) ? s : quote(s, st.rnd);
}

function scalar(v: GNode, st: Style, flow: boolean): string | undefined {
  if (v === null) return flow ? 'null' : pick(st.rnd, ['', '~', 'null']);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return str(v, st, flow);
  if (v instanceof Raw) return v.text;
  if (v instanceof Alias) return `*${v.name}`;
  return undefined;
}

const keyText = (k: string | Raw, st: Style): string => (k instanceof Raw ? k.text : PLAIN_SAFE.test(k) && !TYPED.test(k) || k === '<<' ? k : quote(k, st.rnd));

function flowText(v: GNode, st: Style): string {
  if (v instanceof Flow) return flowText(v.value, st);
  if (v instanceof Anchored) return `&${v.name} ${flowText(v.value, st)}`;
  if (v instanceof Block) return JSON.stringify(v.text);
  if (v instanceof M) return `{${v.entries.map(([k, x]) => `${keyText(k, st)}: ${flowText(x, st)}`).join(', ')}}`;
  if (Array.isArray(v)) return `[${v.map((x) => flowText(x, st)).join(', ')}]`;
  return scalar(v, st, true) ?? 'null';
}

function blockScalar(b: Block, indent: number): string {
  const pad = ' '.repeat(indent);
  const body = b.text.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : pad + l)).join('\n');
  return `${b.indicator}\n${body}`;
}

/** Lines for `v` as the value of a key (or item) whose content starts at column `col`. */
function value(v: GNode, col: number, st: Style): { inline: string; below: string[] } {
  if (v instanceof Anchored) {
    const inner = value(v.value, col, st);
    return { inline: `&${v.name}${inner.inline ? ` ${inner.inline}` : ''}`, below: inner.below };
  }
  if (v instanceof Flow) return { inline: flowText(v.value, st), below: [] };
  if (v instanceof Block) return { inline: blockScalar(v, col + st.unit), below: [] };
  if (v instanceof M) {
    if (v.entries.length === 0) return { inline: '{}', below: [] };
    return { inline: '', below: mapLines(v, col + st.unit, st) };
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return { inline: '[]', below: [] };
    return { inline: '', below: seqLines(v, st.seqIndent ? col + st.unit : col, st) };
  }
  return { inline: scalar(v, st, false) ?? '', below: [] };
}

function mapLines(m: M, col: number, st: Style): string[] {
  const pad = ' '.repeat(col);
  const out: string[] = [];
  for (const [k, v] of m.entries) {
    const { inline, below } = value(v, col, st);
    out.push(`${pad}${keyText(k, st)}:${inline === '' ? '' : ` ${inline}`}`, ...below);
  }
  return out;
}

function seqLines(items: readonly GNode[], col: number, st: Style): string[] {
  const pad = ' '.repeat(col);
  const out: string[] = [];
  for (const item of items) {
    if (item instanceof M && item.entries.length > 0) {
      const [first, ...rest] = mapLines(item, col + 2, st);
      out.push(`${pad}- ${(first ?? '').slice(col + 2)}`, ...rest);
    } else {
      const { inline, below } = value(item, col, st);
      out.push(`${pad}-${inline === '' ? '' : ` ${inline}`}`, ...below);
    }
  }
  return out;
}

export function emit(doc: M, st: Style): string {
  return mapLines(doc, 0, st).join('\n') + '\n';
}
