// The fast path: js-yaml's loader with its `listener` hook. Every node opens and closes around its
// children, so a stack of frames rebuilds the tree with offsets (~7 ms for 5,000 lines where a full
// `yaml` document costs 10–20× more). It gives up (returns undefined) at the first problem: the
// thorough builder then reports every error with its position.
// CORE_SCHEMA matches `yaml`'s core schema (no timestamps, !!binary or merge magic); `json: true`
// lets duplicate keys through, which we report ourselves while building maps, as `yaml` does.
import type { State } from 'js-yaml';
import { jsYamlLib } from './lazyLibs';
import { collectionEnd, emptyScalar, styleOf, type YamlError, type YNode, type YPair, type YScalar } from './ast';

interface Frame { start: number; children: YNode[] }

interface Built { root: YNode | undefined; anchors: Map<string, YNode>; errors: YamlError[] }

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Moves `start` past white space, comments, anchors and tags; `end` back over white space. Sets trimmed.s/e (no tuple per node). */
const trimmed = { s: 0, e: 0 };
function trim(text: string, start: number, end: number): void {
  let s = start;
  for (;;) {
    while (s < end && isSpace(text[s])) s++;
    if (text[s] === '#') { while (s < end && text[s] !== '\n') s++; continue; }
    if ((text[s] === '&' || text[s] === '!') && s < end) { while (s < end && !isSpace(text[s])) s++; continue; }
    break;
  }
  let e = end;
  while (e > s && isSpace(text[e - 1])) e--;
  trimmed.s = s;
  trimmed.e = e;
}

/** Sets the anchor on a node this builder just created. */
function anchored<T extends YNode>(node: T, anchor: string | undefined): T {
  if (anchor !== undefined) (node as { anchor?: string }).anchor = anchor;
  return node;
}

/** Numbers as `yaml`'s core schema writes them; js-yaml also reads `1_000` and `0b101`, which stay strings there. */
const CORE_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

function scalarValue(text: string, start: number, end: number, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  const raw = text.slice(start, end);
  return CORE_NUMBER.test(raw) ? value : raw;
}

/** `yaml` reports a key equal (same scalar value) to an earlier one in the same map. */
function reportDuplicates(pairs: readonly YPair[], errors: YamlError[]): void {
  if (pairs.length < 2) return;
  const seen = new Set<unknown>();
  for (const { key } of pairs) {
    if (key.value !== null && seen.has(key.value)) {
      errors.push({ code: 'duplicate-key', message: 'Map keys must be unique', start: key.start, end: Math.max(key.end, key.start + 1) });
    }
    seen.add(key.value);
  }
}

function build(text: string, frame: Frame, state: State, errors: YamlError[]): YNode {
  trim(text, frame.start, state.position);
  const start = trimmed.s;
  const end = trimmed.e;
  const anchor = (state as State & { anchor: string | null }).anchor ?? undefined;
  switch (state.kind) {
    case 'mapping': {
      const pairs: YPair[] = [];
      const c = frame.children;
      for (let i = 0; i + 1 < c.length; i += 2) {
        const key = c[i] as YNode;
        const k: YScalar = key.kind === 'scalar' ? key : { kind: 'scalar', start: key.start, end: key.end, value: text.slice(key.start, key.end), style: 'plain' };
        pairs.push({ key: k, value: c[i + 1] as YNode });
      }
      reportDuplicates(pairs, errors);
      return anchored({ kind: 'map', start, end: collectionEnd(text, start, end, pairs.at(-1)?.value), pairs }, anchor);
    }
    case 'sequence':
      return anchored({ kind: 'seq', start, end: collectionEnd(text, start, end, frame.children.at(-1)), items: frame.children }, anchor);
    case 'scalar': {
      // A node js-yaml first tried as a mapping key arrives wrapped in a second frame: keep the inner one.
      const inner = frame.children.length === 1 ? frame.children[0] : undefined;
      if (inner?.kind === 'scalar') return anchored(inner, anchor);
      return anchored({ kind: 'scalar', start, end, value: scalarValue(text, start, end, state.result), style: styleOf(text, start) }, anchor);
    }
    default:
      if (text[start] === '*') return { kind: 'alias', start, end, name: text.slice(start + 1, end) };
      if (anchor === undefined) return emptyScalar(frame.start); // right after the key's colon, as the thorough builder puts it
      return anchored(emptyScalar(text.indexOf(`&${anchor}`, frame.start) + anchor.length + 1), anchor); // right after `&name`
  }
}

export function fastParse(text: string): Built | undefined {
  const stack: Frame[] = [{ start: 0, children: [] }];
  const anchors = new Map<string, YNode>();
  const errors: YamlError[] = [];
  try {
    const { load, CORE_SCHEMA } = jsYamlLib();
    load(text, {
      schema: CORE_SCHEMA,
      json: true,
      listener(this: State, type: 'open' | 'close', state: State) {
        if (type === 'open') { stack.push({ start: state.position, children: [] }); return; }
        const frame = stack.pop() as Frame;
        const node = build(text, frame, state, errors);
        if (node.kind !== 'alias' && node.anchor !== undefined) anchors.set(node.anchor, node);
        (stack[stack.length - 1] as Frame).children.push(node);
      },
    });
  } catch {
    return undefined;
  }
  const root = stack[0]?.children[0];
  if (errors.length > 1) errors.sort((a, b) => a.start - b.start);
  return { root: root && root.kind === 'scalar' && root.style === 'empty' ? undefined : root, anchors, errors };
}
