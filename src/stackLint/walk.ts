// A single hand-rolled pass over every node of the tree.
import type { YMap, YNode, YScalar } from '../yamlAst';

export interface NodeVisitor {
  map?(map: YMap): void;
  /** Scalars in value position (keys are not interpolated by the CLI). */
  valueScalar?(scalar: YScalar): void;
}

export function walk(node: YNode | undefined, v: NodeVisitor): void {
  if (!node) return;
  if (node.kind === 'map') {
    v.map?.(node);
    for (const pair of node.pairs) walk(pair.value, v);
  } else if (node.kind === 'seq') {
    for (const item of node.items) walk(item, v);
  } else if (node.kind === 'scalar') {
    v.valueScalar?.(node);
  }
}
