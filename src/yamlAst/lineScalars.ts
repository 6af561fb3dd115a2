// Scalars for the line-oriented builder (lineParse.ts): plain scalars (typed as the CLI types them),
// single-line quoted scalars (escapes decoded), single-line flow collections and block scalars — each
// exactly as fullParse.ts reads them, or a bail-out (`bail()`) when unsure. Regular expressions scan.
import type { YMap, YNode, YPair, YScalar, YSeq } from './ast';
import { resolvePlain } from './cliScalars';

/** Thrown to give up: the caller falls back to the other builders. */
const BAIL = new Error('lineParse: outside the supported subset');
export function bail(): never {
  throw BAIL;
}

/** A plain scalar as the CLI types it. */
export function plain(start: number, end: number, text: string): YScalar {
  const r = resolvePlain(text);
  return { kind: 'scalar', start, end, value: r.value, tag: r.tag, text, style: 'plain' };
}

/** A quoted or block scalar: always a string. */
export function literal(start: number, end: number, text: string, style: 'quoted' | 'block'): YScalar {
  return { kind: 'scalar', start, end, value: text, tag: 'str', text, style };
}

// ---- flow collections on one line: scalars (plain, quoted), nested collections; no comments, aliases, tags

const FLOW_PLAIN = /(?:[^\s,[\]{}#:"'&*!|>%@`?-]|-(?=[^\s,[\]{}]))[^,[\]{}#:\n]*/y;
const DQ = /"((?:[^"\\\n]|\\[^\n])*)"/y;
const SQ = /'((?:[^'\n]|'')*)'/y;
const SPACES = / */y;

function skipSpaces(text: string, p: number): number {
  SPACES.lastIndex = p;
  SPACES.test(text);
  return SPACES.lastIndex;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/g;

/** A double-quoted scalar's escapes, as `yaml` decodes them (bails on an invalid one). */
function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(ESCAPE, (_, x?: string, u?: string, U?: string, c?: string) => {
    const hex = x ?? u ?? U;
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : bail();
    }
    return ESCAPES[c ?? ''] ?? bail();
  });
}

/** A single-line quoted scalar at `p`, or undefined when there is none. */
export function quoted(text: string, p: number): YScalar | undefined {
  const re = text[p] === '"' ? DQ : text[p] === "'" ? SQ : undefined;
  if (!re) return undefined;
  re.lastIndex = p;
  const m = re.exec(text);
  if (!m) return undefined;
  const raw = m[1] ?? '';
  return literal(p, re.lastIndex, re === SQ ? raw.replace(/''/g, "'") : unescape(raw), 'quoted');
}

function flowScalar(text: string, p: number): YScalar {
  const q = quoted(text, p);
  if (q) return q;
  FLOW_PLAIN.lastIndex = p;
  const m = FLOW_PLAIN.exec(text);
  if (!m) bail();
  const s = m[0].trimEnd();
  return plain(p, p + s.length, s);
}

/** The flow collection starting at `p` (`[` or `{`), closed on the same line. */
export function flow(text: string, p: number): YMap | YSeq {
  const isMap = text[p] === '{';
  const close = isMap ? '}' : ']';
  const items: YNode[] = [];
  const pairs: YPair[] = [];
  let q = skipSpaces(text, p + 1);
  if (text[q] !== close) {
    for (;;) {
      if (isMap) {
        const key = flowScalar(text, q);
        if (text[key.end] !== ':' || text[key.end + 1] !== ' ') bail();
        const value = flowNode(text, skipSpaces(text, key.end + 1));
        pairs.push({ key, value });
        q = skipSpaces(text, value.end);
      } else {
        const item = flowNode(text, q);
        items.push(item);
        q = skipSpaces(text, item.end);
      }
      if (text[q] === close) break;
      if (text[q] !== ',') bail();
      q = skipSpaces(text, q + 1);
      if (text[q] === close) bail(); // a trailing comma
    }
  }
  const end = q + 1;
  return isMap ? { kind: 'map', start: p, end, pairs } : { kind: 'seq', start: p, end, items };
}

function flowNode(text: string, p: number): YNode {
  const c = text[p];
  return c === '[' || c === '{' ? flow(text, p) : flowScalar(text, p);
}

// ---- block scalars: `|`, `|-`, `>`, `>-` (no keep chomping, no indentation indicator)

/**
 * The block scalar whose header (`|`/`>` at offset `at`) is on line `header`; `parent` is the indentation
 * its content must exceed. Returns the node and the index of the first line after it.
 */
export function blockScalar(lines: readonly string[], starts: readonly number[], header: number, parent: number, at: number, folded: boolean, strip: boolean): { node: YScalar; next: number } {
  const first = lines[header + 1];
  const indent = first === undefined ? -1 : first.search(/[^ ]/);
  if (indent <= parent) bail(); // empty, or a leading blank line
  const content: string[] = [];
  let last = header + 1;
  let j = header + 1;
  for (; j < lines.length; j++) {
    const line = lines[j] as string;
    const k = line.search(/[^ ]/);
    if (k < 0) {
      if (line.length > indent) bail(); // spaces beyond the indentation are content
      content.push('');
      continue;
    }
    if (k < indent) break;
    if (folded && k > indent) bail(); // more-indented lines are not folded
    content.push(line.slice(indent));
    last = j;
  }
  content.length = last - header;
  let value: string;
  if (folded) {
    value = content[0] ?? '';
    let blank = 0;
    for (let i = 1; i < content.length; i++) {
      const line = content[i] as string;
      if (line === '') { blank++; continue; }
      value += (blank ? '\n'.repeat(blank) : ' ') + line;
      blank = 0;
    }
  } else value = content.join('\n');
  const lastLine = lines[last] as string;
  const node = literal(at, (starts[last] as number) + lastLine.trimEnd().length, strip ? value : value + '\n', 'block');
  return { node, next: last + 1 };
}
