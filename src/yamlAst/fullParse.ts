// The thorough path: the `yaml` library keeps going after an error and reports each one at its
// position (syntax, tabs as indentation, duplicate keys), and its nodes carry ranges.
import type { Node as YamlNode, YAMLError } from 'yaml';
import { yamlLib } from './lazyLibs';
import { collectionEnd, emptyScalar, styleOf, type ParsedYaml, type YamlError, type YNode, type YPair, type YScalar } from './ast';

function code(e: YAMLError): YamlError['code'] {
  if (e.code === 'DUPLICATE_KEY') return 'duplicate-key';
  if (e.code === 'TAB_AS_INDENT') return 'tab';
  return 'syntax';
}

function convert(text: string, node: unknown, fallbackAt: number, anchors: Map<string, YNode>): YNode {
  const out = convertNode(text, node, fallbackAt, anchors);
  const anchor = node && typeof node === 'object' ? (node as YamlNode).anchor : undefined;
  if (!anchor || out.kind === 'alias') return out;
  const anchored: YNode = { ...out, anchor };
  anchors.set(anchor, anchored);
  return anchored;
}

function convertNode(text: string, node: unknown, fallbackAt: number, anchors: Map<string, YNode>): YNode {
  if (!node || typeof node !== 'object') return emptyScalar(fallbackAt);
  const n = node as YamlNode;
  const start = n.range ? n.range[0] : fallbackAt;
  let end: number = n.range ? n.range[1] : fallbackAt;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--; // e.g. a block scalar's final newline
  const { isAlias, isMap, isScalar, isSeq } = yamlLib();
  if (isMap(n)) {
    const pairs: YPair[] = [];
    for (const item of n.items) {
      const k = convert(text, item.key, start, anchors);
      const key: YScalar = k.kind === 'scalar' ? k : { kind: 'scalar', start: k.start, end: k.end, value: text.slice(k.start, k.end), style: 'plain' };
      pairs.push({ key, value: convert(text, item.value, key.end, anchors) });
    }
    return { kind: 'map', start, end: collectionEnd(text, start, end, pairs.at(-1)?.value), pairs };
  }
  if (isSeq(n)) {
    const items = n.items.map((i) => convert(text, i, end, anchors));
    return { kind: 'seq', start, end: collectionEnd(text, start, end, items.at(-1)), items };
  }
  if (isAlias(n)) return { kind: 'alias', start, end, name: n.source };
  if (isScalar(n)) {
    if (start === end) return emptyScalar(start);
    return { kind: 'scalar', start, end, value: n.value, style: styleOf(text, start) };
  }
  return emptyScalar(start);
}

export function fullParse(text: string): ParsedYaml {
  const doc = yamlLib().parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const errors = doc.errors.map((e): YamlError => {
    const [start, end] = e.pos;
    return { code: code(e), message: e.message.split('\n')[0] ?? e.message, start, end: Math.max(end, start + 1) };
  });
  const anchors = new Map<string, YNode>();
  const root = doc.contents ? convert(text, doc.contents, 0, anchors) : undefined;
  return { root: root && !(root.kind === 'scalar' && root.style === 'empty') ? root : undefined, errors, anchors };
}
