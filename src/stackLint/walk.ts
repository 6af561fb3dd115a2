// A single hand-rolled pass over every node (cheaper than yaml's visit(), which builds paths).
import { Scalar, YAMLMap, isMap, isPair, isScalar, isSeq } from 'yaml';

export interface NodeVisitor {
  map?(map: YAMLMap): void;
  /** Scalars in value position (keys are not interpolated by the CLI). */
  valueScalar?(scalar: Scalar): void;
}

export function walk(node: unknown, v: NodeVisitor): void {
  if (isMap(node)) {
    v.map?.(node);
    for (const pair of node.items) walk(pair.value, v);
  } else if (isSeq(node)) {
    for (const item of node.items) {
      // Compact `- a: b` items inside flow sequences can surface as pairs.
      if (isPair(item)) walk(item.value, v);
      else walk(item, v);
    }
  } else if (isScalar(node)) {
    v.valueScalar?.(node);
  }
}
