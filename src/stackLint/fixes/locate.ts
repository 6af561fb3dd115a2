// Finding the YAML structure behind a diagnostic: the pair whose key starts where the range does,
// its ancestors, and the indentation the file uses.
import type { StackDocument } from '../../stack/document';
import { isFlow, type YMap, type YNode, type YPair } from '../../yamlAst';
import type { Range } from '../types';
import { column } from './text';
import type { FixDoc } from './types';

export interface Located {
  pair: YPair;
  /** The map holding `pair`. */
  map: YMap;
  /** Pairs from the root down to (excluding) `pair`. */
  ancestors: YPair[];
  root: YMap;
}

export function fixDoc(doc: StackDocument): FixDoc {
  const root = doc.yaml.root;
  return { text: doc.text, root: root?.kind === 'map' ? root : undefined, lines: doc.lines };
}

export function startOffset(doc: FixDoc, range: Range): number {
  return doc.lines.offset(range.start);
}

/** The pair whose key starts at `offset`, searched through maps and sequences. */
export function locateKey(doc: FixDoc, offset: number): Located | undefined {
  const root = doc.root;
  if (!root) return undefined;
  const search = (node: YNode, ancestors: YPair[]): Located | undefined => {
    if (node.kind === 'seq') {
      for (const item of node.items) {
        const found = search(item, ancestors);
        if (found) return found;
      }
    }
    if (node.kind !== 'map' || offset < node.start || offset > node.end) return undefined;
    for (const pair of node.pairs) {
      if (pair.key.start === offset) return { pair, map: node, ancestors, root };
      const found = search(pair.value, [...ancestors, pair]);
      if (found) return found;
    }
    return undefined;
  };
  return search(root, []);
}

/** `services.<name>.<key>`: the located pair sits directly in a service's map. */
export function inService(loc: Located): boolean {
  const [services, svc, extra] = loc.ancestors;
  return services?.key.text === 'services' && svc !== undefined && extra === undefined;
}

/** Columns per nesting level: how far the service's keys sit right of the service's name (2 if unknown). */
export function indentUnit(text: string, loc: Located): number {
  const svc = loc.ancestors[1];
  if (svc && svc.value.kind === 'map' && !isFlow(text, svc.value)) {
    const unit = column(text, svc.value.start) - column(text, svc.key.start);
    if (unit > 0) return unit;
  }
  return topUnit(text, loc.root);
}

/** The indentation of the first block child of a top-level map value, 2 if none. */
export function topUnit(text: string, root: YMap): number {
  for (const p of root.pairs) {
    if (p.value.kind === 'map' && !isFlow(text, p.value) && p.value.pairs.length > 0) {
      const unit = column(text, p.value.start) - column(text, p.key.start);
      if (unit > 0) return unit;
    }
  }
  return 2;
}
