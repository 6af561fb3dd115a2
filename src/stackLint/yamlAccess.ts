// Small readers over yaml nodes that see through `<<: *anchor` merges, as the CLI's YAML parser does.
import { Document, Pair, YAMLMap, isAlias, isMap, isScalar, isSeq } from 'yaml';
import { keyName } from './report';

/** Maps merged into `map` via `<<`, resolved through aliases. */
function mergedMaps(map: YAMLMap, doc: Document): YAMLMap[] {
  const out: YAMLMap[] = [];
  for (const pair of map.items) {
    if (keyName(pair) !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const s of sources) {
      const target = isAlias(s) ? s.resolve(doc) : s;
      if (isMap(target)) out.push(target);
    }
  }
  return out;
}

/** The pair for `key`, own keys first, then merged ones (depth-limited against alias cycles). */
export function findPair(map: YAMLMap, key: string, doc: Document, depth = 0): Pair | undefined {
  for (const pair of map.items) if (keyName(pair) === key) return pair;
  if (depth > 5) return undefined;
  for (const m of mergedMaps(map, doc)) {
    const p = findPair(m, key, doc, depth + 1);
    if (p) return p;
  }
  return undefined;
}

/** The value at `key`, resolving an alias value. */
export function getValue(map: YAMLMap, key: string, doc: Document): unknown {
  const v: unknown = findPair(map, key, doc)?.value;
  return isAlias(v) ? v.resolve(doc) : v;
}

export function getMap(map: YAMLMap, key: string, doc: Document): YAMLMap | undefined {
  const v = getValue(map, key, doc);
  return isMap(v) ? v : undefined;
}

export function getString(map: YAMLMap, key: string, doc: Document): string | undefined {
  const v = getValue(map, key, doc);
  return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
}

/** Each (name key, service map) of `services`. */
export function eachService(root: YAMLMap, doc: Document): Array<{ name: string; keyNode: unknown; map: YAMLMap }> {
  const services = getMap(root, 'services', doc);
  if (!services) return [];
  const out: Array<{ name: string; keyNode: unknown; map: YAMLMap }> = [];
  for (const pair of services.items) {
    const name = keyName(pair);
    const v: unknown = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
    if (name !== undefined && name !== '<<' && isMap(v)) out.push({ name, keyNode: pair.key, map: v });
  }
  return out;
}
