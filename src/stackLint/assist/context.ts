// Where is the cursor in a stack file? Read from the syntax tree of the document (the one parse of
// its version): the parents are the keys whose values enclose the cursor's line at a smaller column.
// Only the cursor's own line is looked at as text (what is typed there does not parse yet). A file
// with syntax errors before the cursor is read again with those errors' lines blanked, so that one
// unclosed quote does not swallow the structure below it.
import { readStack, type StackDocument } from '../../stack/document';
import { fullParse } from '../../yamlAst/fullParse';
import type { YMap, YNode, YSeq } from '../../yamlAst';

export interface AssistContext {
  /** Parent keys from the root; '-' stands for a sequence item. E.g. ['services', 'web', 'deploy']. */
  readonly path: readonly string[];
  /** key: a mapping key is typed; value: after `key: `; item: after `- ` (a scalar item or the item's first key). */
  readonly position: 'key' | 'value' | 'item' | 'none';
  /** For `value`: the key whose value is typed. */
  readonly key?: string;
  /** The text typed so far (key or value), and its start offset. */
  readonly prefix: string;
  readonly start: number;
  /** Column of the keys of the mapping the cursor is in. */
  readonly column: number;
  /** Keys already present in that mapping (not counting the one on the cursor line), with their scalar values. */
  readonly siblings: Readonly<Record<string, string>>;
}

const KV = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)[ \t]*:[ \t]+(.*)$/;
const unquote = (s: string) => (/^(".*"|'.*')$/.test(s) ? s.slice(1, -1) : s);

/** The tree to assist with: the document's own, or one read with its error lines blanked. */
const recovered = new WeakMap<StackDocument, YNode | undefined>();
export function assistRoot(doc: StackDocument): YNode | undefined {
  if (doc.yaml.errors.length === 0) return doc.yaml.root;
  if (recovered.has(doc)) return recovered.get(doc);
  let text = doc.text;
  let root = doc.yaml.root;
  for (let round = 0; round < 4; round++) {
    const parsed = fullParse(text);
    root = parsed.root;
    if (parsed.errors.length === 0 || round === 3) break;
    for (const e of parsed.errors) {
      // Blank the scalar or flow collection the error belongs to from where it starts (an unclosed quote reports at the end of the text).
      const from = Math.min(e.start, swallowingStart(doc.text, parsed.root, e.start) ?? e.start);
      const nl = text.indexOf('\n', from);
      const end = nl < 0 ? text.length : nl;
      text = text.slice(0, from) + ' '.repeat(Math.max(0, end - from)) + text.slice(end);
    }
  }
  recovered.set(doc, root);
  return root;
}

const CLOSER: Readonly<Record<string, string>> = { '"': '"', "'": "'", '[': ']', '{': '}' };

/** Start of the last unclosed quoted scalar or flow collection before `offset`: what swallows the lines after it. */
function swallowingStart(text: string, node: YNode | undefined, offset: number): number | undefined {
  let best: number | undefined;
  const visit = (n: YNode | undefined): void => {
    if (!n || n.start >= offset) return;
    const close = CLOSER[text[n.start] ?? ''];
    if (close !== undefined && n.kind !== 'alias' && text[n.end - 1] !== close) best = Math.max(best ?? -1, n.start);
    if (n.kind === 'map') for (const p of n.pairs) visit(p.value);
    else if (n.kind === 'seq') for (const i of n.items) visit(i);
  };
  visit(node);
  return best;
}

interface Found { readonly path: string[]; readonly map?: YMap; readonly seq?: YSeq }

/** The container at column `col` for line `line`: a block map whose keys stand there, or a block seq whose dashes do. */
function find(doc: StackDocument, node: YNode | undefined, line: number, col: number, seq: boolean, path: string[]): Found | undefined {
  const pos = (o: number) => doc.lines.position(o);
  if (!node || node.kind === 'scalar' || node.kind === 'alias' || doc.text[node.start] === '{' || doc.text[node.start] === '[') return undefined;
  if (node.kind === 'seq') {
    const c = pos(node.start).character;
    if (seq && c === col) return { path, seq: node };
    const item = [...node.items].reverse().find((i) => pos(i.start).line <= line);
    return item && c < col ? find(doc, item, line, col, seq, [...path, '-']) : undefined;
  }
  const first = node.pairs[0];
  if (!first) return undefined;
  const c = pos(first.key.start).character;
  if (!seq && c === col) return { path, map: node };
  if (c > col) return undefined;
  const pair = [...node.pairs].reverse().find((p) => pos(p.key.start).line < line);
  if (!pair) return undefined;
  const v = pair.value;
  // An empty value, or one that starts on the cursor's line (what is being typed): a new mapping under the key.
  if (v.kind === 'scalar' && (v.style === 'empty' || pos(v.start).line >= line) && !seq) return { path: [...path, pair.key.text] };
  return find(doc, v, line, col, seq, [...path, pair.key.text]);
}

function siblingsOf(map: YMap | undefined, exceptLine: number, doc: StackDocument): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of map?.pairs ?? []) {
    if (doc.lines.position(p.key.start).line === exceptLine) continue;
    out[p.key.text] = p.value.kind === 'scalar' ? p.value.text : '';
  }
  return out;
}

export function contextAt(source: string | StackDocument, offset: number): AssistContext {
  const doc = typeof source === 'string' ? readStack(source, undefined) : source;
  const { line, character } = doc.lines.position(offset);
  const before = doc.text.slice(offset - character, offset).replace(/\r$/, '');
  const none: AssistContext = { path: [], position: 'none', prefix: '', start: offset, column: 0, siblings: {} };
  if (/(^|\s)#/.test(before)) return none;
  const m = /^( *)((?:-(?: +|$))*)/.exec(before);
  const ind = m?.[1]?.length ?? 0;
  const markers = m?.[2] ?? '';
  const dashes = (markers.match(/-/g) ?? []).length;
  const column = ind + markers.length;
  const rest = before.slice(column);
  const kv = KV.exec(rest);
  if ((kv && /^[|>]/.test(kv[2] ?? '')) || (!kv && rest.includes(':'))) return none;
  // On a dash line the content is a sequence item: its container is the sequence whose dashes stand at `ind`.
  const locate = (root: YNode | undefined) => (dashes > 0 ? find(doc, root, line, ind, true, []) : find(doc, root, line, column, false, []));
  let root = doc.yaml.root;
  let found = locate(root);
  if (!found && doc.yaml.errors.length > 0) found = locate((root = assistRoot(doc)));
  if (!found && root !== undefined && !(dashes === 0 && column === 0)) return none;
  const path = [...(found?.path ?? []), ...Array<string>(dashes).fill('-')];
  const siblings = siblingsOf(dashes > 0 ? undefined : found?.map, line, doc);
  const base = { path, prefix: rest, start: offset - rest.length, column, siblings };
  if (kv && kv[1] !== undefined) {
    const value = kv[2] ?? '';
    return { ...base, position: 'value', key: unquote(kv[1]), prefix: value, start: offset - value.length };
  }
  return { ...base, position: dashes > 0 ? 'item' : 'key' };
}
