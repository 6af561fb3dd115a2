// The thorough path: the `yaml` library keeps going after an error and reports each one at its
// position (syntax, tabs as indentation), and its nodes carry ranges. It reads every scalar as text
// (the failsafe schema); cliScalars.ts then types it as the docker CLI does. Duplicate keys and merges
// are not its business here: the stack engine handles both, once, on the tree.
import type { Document, Node as YamlNode, Scalar, YAMLError } from 'yaml';
import { resolveScalar } from './cliScalars';
import { yamlLib } from './lazyLibs';
import { joinQuotedLines } from './quotedLines';
import { collectionEnd, emptyScalar, type ParsedYaml, type ScalarStyle, type YamlError, type YNode, type YPair, type YScalar } from './ast';

function code(e: YAMLError): YamlError['code'] {
  return e.code === 'TAB_AS_INDENT' ? 'tab' : 'syntax';
}

const STYLE: Readonly<Record<string, ScalarStyle>> = {
  PLAIN: 'plain', QUOTE_DOUBLE: 'quoted', QUOTE_SINGLE: 'quoted', BLOCK_LITERAL: 'block', BLOCK_FOLDED: 'block',
};

interface Ctx {
  readonly text: string;
  readonly anchors: Map<string, YNode>;
  readonly errors: YamlError[];
}

/** go-yaml reads anchor and alias names of letters, digits, `_` and `-` only. */
const NAME = /^[0-9A-Za-z_-]+$/;

function checkName(c: Ctx, name: string, at: number): void {
  if (!NAME.test(name)) c.errors.push({ code: 'syntax', message: 'did not find expected alphabetic or numeric character (anchor and alias names are letters, digits, `_` and `-`)', start: at, end: at + 1 + name.length });
}

function convert(c: Ctx, node: unknown, fallbackAt: number): YNode {
  const out = convertNode(c, node, fallbackAt);
  const anchor = node && typeof node === 'object' ? (node as YamlNode).anchor : undefined;
  if (out.kind === 'alias') checkName(c, out.name, out.start);
  if (!anchor || out.kind === 'alias') return out;
  checkName(c, anchor, Math.max(0, c.text.lastIndexOf(`&${anchor}`, out.start)));
  const anchored: YNode = { ...out, anchor };
  c.anchors.set(anchor, anchored);
  return anchored;
}

function scalarOf(c: Ctx, n: Scalar, start: number, end: number): YScalar {
  const style = STYLE[n.type ?? 'PLAIN'] ?? 'plain';
  const text = typeof n.source === 'string' ? n.source : String(n.value ?? '');
  const r = resolveScalar(text, style === 'plain', n.tag);
  if (!r) {
    c.errors.push({ code: 'syntax', message: `cannot decode \`${text.slice(0, 20)}\` as ${n.tag ?? ''}`, start, end: Math.max(end, start + 1) });
    return { kind: 'scalar', start, end, value: text, tag: 'str', text, style };
  }
  return { kind: 'scalar', start, end, value: r.value, tag: r.tag, text, style };
}

/** `: value` with no key and no `?`: the `yaml` library reads a null key, the CLI's reader refuses it. */
function implicitEmptyKey(c: Ctx, from: number, to: number): void {
  const between = c.text.slice(from, to);
  const colon = between.search(/(?:^|[\s,{])(:)(?=[\s]|$)/);
  if (colon < 0 || between.slice(0, colon + 1).includes('?')) return;
  const at = from + colon + (between[colon] === ':' ? 0 : 1);
  c.errors.push({ code: 'syntax', message: 'did not find expected key', start: at, end: at + 1 });
}

function convertNode(c: Ctx, node: unknown, fallbackAt: number): YNode {
  if (!node || typeof node !== 'object') return emptyScalar(fallbackAt);
  const { text } = c;
  const n = node as YamlNode;
  const start = n.range ? n.range[0] : fallbackAt;
  let end: number = n.range ? n.range[1] : fallbackAt;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--; // e.g. a block scalar's final newline
  const { isAlias, isMap, isScalar, isSeq } = yamlLib();
  if (isMap(n)) {
    const pairs: YPair[] = [];
    let prevEnd = start;
    for (const item of n.items) {
      const keyRange = (item.key as YamlNode | null)?.range;
      if (!keyRange || keyRange[0] === keyRange[1]) implicitEmptyKey(c, prevEnd, (item.value as YamlNode | null)?.range?.[0] ?? end);
      const k = convert(c, item.key, start);
      const key: YScalar = k.kind === 'scalar' ? k : { kind: 'scalar', start: k.start, end: k.end, value: null, tag: 'null', text: text.slice(k.start, k.end), style: 'plain' };
      const value = convert(c, item.value, key.end);
      pairs.push({ key, value });
      prevEnd = Math.max(value.end, key.end);
    }
    return { kind: 'map', start, end: collectionEnd(text, start, end, pairs.at(-1)?.value), pairs };
  }
  if (isSeq(n)) {
    const items = n.items.map((i) => convert(c, i, end));
    return { kind: 'seq', start, end: collectionEnd(text, start, end, items.at(-1)), items };
  }
  if (isAlias(n)) return { kind: 'alias', start, end, name: n.source, target: c.anchors.get(n.source) };
  if (isScalar(n)) return start === end ? emptyScalar(start) : scalarOf(c, n, start, end);
  return emptyScalar(start);
}

export function fullParse(text: string): ParsedYaml {
  const parsed = parse(text);
  // A quoted scalar continued on lines indented no deeper than its key: go-yaml reads it, `yaml` does not.
  if (!parsed.errors.some((e) => e.message.startsWith('Missing closing'))) return parsed;
  const joined = joinQuotedLines(text);
  const again = joined === undefined ? undefined : parse(joined);
  return again && again.errors.length < parsed.errors.length ? again : parsed;
}

/**
 * A flow collection never closed: the library reports it where the collection stops (often the end of
 * the file); the error belongs on the bracket that opens it, as go-yaml's context says.
 */
function unclosedFlow(doc: Document, message: string, at: number): YamlError | undefined {
  const m = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(message);
  if (!m) return undefined;
  let open: number | undefined;
  const Y = yamlLib();
  const check = (n: { flow?: boolean; range?: readonly number[] | null }): void => {
    if (n.flow && n.range && n.range[1] === at) open = n.range[0];
  };
  Y.visit(doc, m[1] === 'sequence' ? { Seq: (_k, n) => check(n) } : { Map: (_k, n) => check(n) });
  if (open === undefined) return undefined;
  return { code: 'syntax', message: `this flow ${m[1] === 'map' ? 'mapping' : 'sequence'} is never closed: it needs a \`${m[2] ?? ''}\` (or a line inside it is indented too little)`, start: open, end: open + 1 };
}

function parse(text: string): ParsedYaml {
  // Only the first document: the CLI reads no further (the library stops there too, with an error we drop).
  const doc = yamlLib().parseDocument(text, { prettyErrors: false, uniqueKeys: false, schema: 'failsafe', keepSourceTokens: false });
  const errors = doc.errors.filter((e) => e.code !== 'MULTIPLE_DOCS').map((e): YamlError => {
    const [start, end] = e.pos;
    return unclosedFlow(doc, e.message, start) ?? { code: code(e), message: e.message.split('\n')[0] ?? e.message, start, end: Math.max(end, start + 1) };
  });
  const c: Ctx = { text, anchors: new Map(), errors };
  const root = doc.contents ? convert(c, doc.contents, 0) : undefined;
  if (errors.length > 1) errors.sort((a, b) => a.start - b.start);
  return { root: root && !(root.kind === 'scalar' && root.style === 'empty') ? root : undefined, errors };
}
