// Small readers over the YAML tree that see through `<<: *anchor` merges, as the CLI's YAML parser does.
import type { YMap, YNode, YPair, YScalar } from '../yamlAst';

/** A service of the file: its name, the key node naming it, and its (merge-resolved) map. */
export interface ServiceInfo { name: string; keyNode: YScalar; map: YMap }
import { keyName } from './report';

/** Resolves aliases through the document's anchors. */
export class Doc {
  constructor(private readonly anchors: ReadonlyMap<string, YNode>) {}

  /** The node itself, or the anchored node an alias stands for. */
  resolve(node: YNode | undefined): YNode | undefined {
    return node?.kind === 'alias' ? this.anchors.get(node.name) : node;
  }

  /** The pair for `key`, own keys first, then merged ones (depth-limited against alias cycles). */
  findPair(map: YMap, key: string, depth = 0): YPair | undefined {
    let merges = false;
    for (const pair of map.pairs) {
      const k = pair.key.value;
      if (k === key) return pair;
      if (k === '<<') merges = true;
    }
    if (!merges || depth > 5) return undefined;
    for (const pair of map.pairs) {
      if (pair.key.value !== '<<') continue;
      const sources = pair.value.kind === 'seq' ? pair.value.items : [pair.value];
      for (const s of sources) {
        const target = this.resolve(s);
        const p = target?.kind === 'map' ? this.findPair(target, key, depth + 1) : undefined;
        if (p) return p;
      }
    }
    return undefined;
  }

  /** The value at `key`, resolving an alias value. */
  getValue(map: YMap, key: string): YNode | undefined {
    return this.resolve(this.findPair(map, key)?.value);
  }

  getMap(map: YMap, key: string): YMap | undefined {
    const v = this.getValue(map, key);
    return v?.kind === 'map' ? v : undefined;
  }

  getString(map: YMap, key: string): string | undefined {
    const v = this.getValue(map, key);
    return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
  }

  /** Each (name key, service map) of `services`. */
  eachService(root: YMap): ServiceInfo[] {
    const services = this.getMap(root, 'services');
    if (!services) return [];
    const out: ServiceInfo[] = [];
    for (const pair of services.pairs) {
      const name = keyName(pair);
      const v = this.resolve(pair.value);
      if (name !== undefined && name !== '<<' && v?.kind === 'map') out.push({ name, keyNode: pair.key, map: v });
    }
    return out;
  }
}
