// Corpus files into the generator's model, keeping what matters to the CLI: plain scalars verbatim
// (so `0400` stays octal to it), quoting, block scalars, flow style, anchors and aliases.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { Alias, Anchored, Block, Flow, M, Raw, type GNode } from './model';

function node(n: Node | null | undefined): GNode {
  if (!n) return null;
  let out: GNode;
  if (isAlias(n)) return new Alias(n.source);
  if (isScalar(n)) {
    const source = typeof n.source === 'string' ? n.source : String(n.value ?? '');
    if (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') out = new Block(source, n.type === 'BLOCK_LITERAL' ? '|' : '>');
    else if (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') out = source;
    else out = source === '' ? null : new Raw(source);
  } else if (isMap(n)) {
    const m = new M(n.items.map((p) => {
      const k = isScalar(p.key) ? String(p.key.source ?? p.key.value ?? '') : 'key';
      return [k, node(p.value as Node | null)] as [string, GNode];
    }));
    out = n.flow ? new Flow(m) : m;
  } else if (isSeq(n)) {
    const items = n.items.map((i) => node(i as Node));
    out = n.flow ? new Flow(items) : items;
  } else out = null;
  return n.anchor ? new Anchored(n.anchor, out) : out;
}

/** The first document as a model, or undefined when it is not a mapping (or does not parse). */
export function fromYaml(text: string): M | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const root = node(doc.contents as Node | null);
  return root instanceof M ? root : root instanceof Flow && root.value instanceof M ? root.value : undefined;
}
