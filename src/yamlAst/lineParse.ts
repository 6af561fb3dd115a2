// The line-oriented builder: the block-style subset of YAML that stack files use, read line by line
// with regular expressions (compiled to native code even on first use, where a char-by-char scanner
// runs interpreted in a fresh process: what keeps swarm-lint's start-up light). LF or CRLF line ends
// and a leading BOM are fine. It builds exactly the tree `fullParse` builds, or returns undefined at
// anything outside its subset — tabs, lone CRs, tags, `?` keys, multi-line plain, quoted or flow
// scalars, `---` after content, `...`, directives, block scalars with indicators, odd indentation —
// and the caller falls back to fullParse. Differential tests (fed by the stack-file generator) guard it.
import { emptyScalar, type ParsedYaml, type YamlError, type YMap, type YNode, type YPair, type YScalar, type YSeq } from './ast';
import { bail, blockScalar, flow, literal, plain, quoted } from './lineScalars';

/** `key:` then spaces or the end of the line; the key plain, or quoted without escapes. */
const ENTRY = /(?:([A-Za-z0-9_./$<(~+=][^\s:#'"[\]{},]*)|"([^"\\\n]*)"|'((?:[^'\n]|'')*)'):(?: +|(?=\r?\n|$))/y;
const NON_SPACE = /[^ ]/;

function entry(c: Ctx, col: number): RegExpExecArray | null {
  ENTRY.lastIndex = (c.starts[c.i] as number) + col;
  return ENTRY.exec(c.text);
}
/** go-yaml's anchor names: letters, digits, `_` and `-` (anything else fails there; fullParse reports it). */
const ANCHOR = /^&([A-Za-z0-9_-]+)(?: +|$)/;
const ALIAS = /^\*([A-Za-z0-9_-]+)(?: +(?:#.*)?)?$/;
const BLOCK_HEADER = /^([|>])(-?)(?: +(?:#.*)?)?$/;
/** What may follow a quoted scalar or flow collection on its line. */
const TAIL = /^(?: +(?:#.*)?)?$/;
/** A plain scalar's first character (`-` only before a non-space). */
const PLAIN_START = /^(?:[^\s#,[\]{}&*!|>'"%@`?:-]|-\S)/;
/** Characters that make the whole text someone else's business (tabs, a CR not before LF, a BOM past the start, control characters). */
const AWKWARD = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\r(?!\n)|(?!^)\ufeff/;

interface Ctx {
  readonly text: string;
  readonly lines: readonly string[];
  readonly starts: readonly number[];
  /** Indentation of each line; -1 for blank and comment-only lines. */
  readonly indent: readonly number[];
  readonly anchors: Map<string, YNode>;
  /** The one error this builder reports: a key being typed (see loneKey). */
  readonly errors: YamlError[];
  /** The line being read. */
  i: number;
}

/** Index of the first content line after the current one (lines.length at the end). */
function nextContent(c: Ctx): number {
  let j = c.i + 1;
  while (j < c.lines.length && (c.indent[j] as number) < 0) j++;
  return j;
}

/** A lone plain scalar filling the current line from column `col` (a comment after it allowed), or undefined. */
function lonePlain(c: Ctx, col: number): { text: string; commented: boolean } | undefined {
  const rest = (c.lines[c.i] as string).slice(col);
  if (col === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(rest)) return undefined; // a document marker
  const hash = rest.indexOf(' #');
  const s = (hash < 0 ? rest : rest.slice(0, hash)).trimEnd();
  if (!PLAIN_START.test(s) || s.includes(': ') || s.endsWith(':') || /[\t]/.test(s)) return undefined;
  return { text: s, commented: hash >= 0 };
}

/**
 * A key being typed (`dep` among sibling keys, no colon yet): every YAML reader refuses the line (the
 * CLI's says "could not find expected ':'"). The tree keeps it as a key without value and its siblings
 * intact — where the `yaml` library may fold it into the next key — so the other checks stay quiet
 * while the user types; the error is this builder's own (the differential tests hold it to yaml's
 * reporting an error on that line). A line continued below is left to yaml.
 */
function loneKey(c: Ctx, col: number): YPair | undefined {
  const lone = lonePlain(c, col);
  if (!lone) return undefined;
  const next = nextContent(c);
  if (next < c.lines.length && (c.indent[next] as number) > col) return undefined;
  const start = (c.starts[c.i] as number) + col;
  const key = plain(start, start + lone.text.length, lone.text);
  c.errors.push({ code: 'syntax', message: "could not find expected ':' (a key needs a colon: `key: value`)", start, end: key.end });
  c.i++;
  return { key, value: emptyScalar(key.end) };
}

function skipBlank(c: Ctx): void {
  while (c.i < c.lines.length && (c.indent[c.i] as number) < 0) c.i++;
}

const isDash = (line: string, col: number) => line[col] === '-' && (line.length === col + 1 || line[col + 1] === ' ');

function withAnchor(c: Ctx, node: YNode, anchor: string | undefined): YNode {
  if (anchor === undefined) return node;
  if (node.kind === 'alias') bail();
  const anchored: YNode = { ...node, anchor };
  c.anchors.set(anchor, anchored);
  return anchored;
}

/** The block collection whose first line is the current one, at column `col`. */
function block(c: Ctx, col: number): YMap | YSeq {
  const line = c.lines[c.i] as string;
  if (isDash(line, col)) return seq(c, col);
  if (entry(c, col)) return map(c, col);
  return bail();
}

/**
 * The value after `key:` or `- `: `rest` is the rest of the line (at offset `at`), `parent` the column
 * of the collection holding it. Leaves `c.i` on the first line after the value.
 */
function value(c: Ctx, rest: string, at: number, parent: number, inMap: boolean): YNode {
  let anchor: string | undefined;
  let r = rest;
  let p = at;
  const a = r[0] === '&' ? ANCHOR.exec(r) : null;
  if (a) { anchor = a[1]; r = r.slice(a[0].length); p += a[0].length; } else if (r[0] === '&') bail();
  if (r === '' || r[0] === '#') {
    c.i++;
    skipBlank(c);
    const k = c.i < c.lines.length ? (c.indent[c.i] as number) : -1;
    if (k > parent) {
      // A plain scalar on the next line, alone (e.g. the first key under `deploy:` being typed): the value is that scalar.
      const lone = !isDash(c.lines[c.i] as string, k) && !entry(c, k) ? lonePlain(c, k) : undefined;
      if (lone && !lone.commented && ((c.indent[nextContent(c)] ?? -1) <= parent || nextContent(c) >= c.lines.length)) {
        const start = (c.starts[c.i] as number) + k;
        c.i++;
        return withAnchor(c, plain(start, start + lone.text.length, lone.text), anchor);
      }
      return withAnchor(c, block(c, k), anchor);
    }
    if (k === parent && inMap && isDash(c.lines[c.i] as string, k)) return withAnchor(c, seq(c, k), anchor);
    return withAnchor(c, emptyScalar(p), anchor);
  }
  const first = r[0];
  let node: YNode;
  if (first === '*') {
    const m = ALIAS.exec(r);
    const name = m?.[1];
    if (name === undefined || anchor !== undefined || !c.anchors.has(name)) bail();
    node = { kind: 'alias', start: p, end: p + 1 + name.length, name, target: c.anchors.get(name) };
  } else if (first === '|' || first === '>') {
    const m = BLOCK_HEADER.exec(r);
    if (!m) bail();
    const { node: b, next } = blockScalar(c.lines, c.starts, c.i, parent, p, first === '>', m[2] === '-');
    c.i = next;
    return withAnchor(c, b, anchor);
  } else if (first === '"' || first === "'" || first === '[' || first === '{') {
    const n = first === '[' || first === '{' ? flow(c.text, p) : quoted(c.text, p);
    if (!n || !TAIL.test(r.slice(n.end - p))) bail();
    node = n;
  } else {
    const hash = r.indexOf(' #');
    const s = (hash < 0 ? r : r.slice(0, hash)).trimEnd();
    if (!PLAIN_START.test(s) || s.includes(': ') || s.endsWith(':')) bail();
    node = plain(p, p + s.length, s);
  }
  c.i++;
  return withAnchor(c, node, anchor);
}

function key(m: RegExpExecArray, at: number): YScalar {
  if (m[1] !== undefined) return plain(at, at + m[1].length, m[1]);
  if (m[2] !== undefined) return literal(at, at + m[2].length + 2, m[2], 'quoted');
  const raw = m[3] ?? '';
  return literal(at, at + raw.length + 2, raw.replace(/''/g, "'"), 'quoted');
}

/** A block mapping at column `col`; its first entry may follow a `- ` on the current line. */
function map(c: Ctx, col: number): YMap {
  const pairs: YPair[] = [];
  for (;;) {
    const m = entry(c, col);
    if (!m) {
      const lone = pairs.length > 0 ? loneKey(c, col) : undefined;
      if (!lone) bail();
      pairs.push(lone);
      skipBlank(c);
      const next = c.i < c.lines.length ? (c.indent[c.i] as number) : -1;
      if (next < col) break;
      if (next > col) bail();
      continue;
    }
    const k = key(m, (c.starts[c.i] as number) + col);
    if (k.end - k.start > 1000) bail(); // yaml's limit for implicit keys
    pairs.push({ key: k, value: value(c, (c.lines[c.i] as string).slice(col + m[0].length), k.start + m[0].length, col, true) });
    skipBlank(c);
    const next = c.i < c.lines.length ? (c.indent[c.i] as number) : -1;
    if (next < col) break;
    if (next > col) bail();
  }
  const last = pairs[pairs.length - 1] as YPair;
  return { kind: 'map', start: (pairs[0] as YPair).key.start, end: last.value.end, pairs };
}

/** A block sequence whose `-` items stand at column `col`. */
function seq(c: Ctx, col: number): YSeq {
  const items: YNode[] = [];
  const start = (c.starts[c.i] as number) + col;
  while (c.i < c.lines.length && c.indent[c.i] === col && isDash(c.lines[c.i] as string, col)) {
    const line = c.lines[c.i] as string;
    let at = col + 1;
    while (line[at] === ' ') at++;
    const rest = line.slice(at);
    if (isDash(rest, 0)) bail(); // `- - x`
    items.push(entry(c, at) ? map(c, at) : value(c, rest, (c.starts[c.i] as number) + at, col, false));
    skipBlank(c);
    if (c.i < c.lines.length && (c.indent[c.i] as number) > col) bail();
  }
  const last = items[items.length - 1] as YNode;
  return { kind: 'seq', start, end: last.end, items };
}

export function lineParse(text: string): ParsedYaml | undefined {
  if (AWKWARD.test(text)) return undefined;
  const lines = text.split('\n');
  const starts: number[] = new Array<number>(lines.length);
  const indent: number[] = new Array<number>(lines.length);
  const crlf = text.includes('\r');
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0; // offsets stay those of the text, BOM included
  if (offset === 1) lines[0] = (lines[0] as string).slice(1);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = crlf && raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    lines[i] = line;
    starts[i] = offset;
    offset += raw.length + 1;
    const k = line.search(NON_SPACE);
    indent[i] = k < 0 || line[k] === '#' ? -1 : k;
  }
  const c: Ctx = { text, lines, starts, indent, anchors: new Map(), errors: [], i: 0 };
  try {
    skipBlank(c);
    if (c.i < lines.length && /^---(?: +(?:#.*)?)?$/.test(lines[c.i] as string)) { c.i++; skipBlank(c); }
    if (c.i >= lines.length) return undefined;
    const root = block(c, c.indent[c.i] as number);
    skipBlank(c);
    if (c.i < lines.length) return undefined;
    return { root, errors: c.errors };
  } catch {
    return undefined; // BAIL, or anything unforeseen: the other builders decide
  }
}
