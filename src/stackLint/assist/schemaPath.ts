// Map a path of parent keys (with '-' for a sequence item) onto SCHEMAS.
import { SCHEMAS, ValueSpec } from '../schema';

export const ROOT: ValueSpec = { object: 'top' };

export function alternatives(spec: ValueSpec): ValueSpec[] {
  return typeof spec === 'object' && 'oneOf' in spec ? spec.oneOf.flatMap(alternatives) : [spec];
}

function children(spec: ValueSpec, seg: string): ValueSpec[] {
  const out: ValueSpec[] = [];
  for (const alt of alternatives(spec)) {
    if (typeof alt === 'string') {
      if (seg === '-' && (alt === 'stringList' || alt === 'stringOrList' || alt === 'listOrMap')) out.push('string');
      else if (seg !== '-' && alt === 'listOrMap') out.push('stringOrNumber');
    } else if ('listOf' in alt) {
      if (seg === '-') out.push(alt.listOf);
    } else if ('mapOf' in alt) {
      if (seg !== '-') out.push(alt.mapOf);
    } else if ('object' in alt) {
      const child = seg === '-' ? undefined : SCHEMAS[alt.object]?.keys[seg];
      if (child !== undefined) out.push(child);
    }
  }
  return out;
}

/** The value spec at `path` (undefined when the path leaves the schema, e.g. under `x-*`). */
export function specAt(path: readonly string[]): ValueSpec | undefined {
  let spec: ValueSpec | undefined = ROOT;
  for (const seg of path) {
    if (spec === undefined) return undefined;
    const next = children(spec, seg);
    spec = next.length === 0 ? undefined : next.length === 1 ? next[0] : { oneOf: next };
  }
  return spec;
}

/** Names of the object schemas a mapping at this spec may follow. */
export function objectNames(spec: ValueSpec | undefined): string[] {
  if (spec === undefined) return [];
  return alternatives(spec).flatMap((a) => (typeof a === 'object' && 'object' in a ? [a.object] : []));
}

export function hasMapOf(spec: ValueSpec | undefined): boolean {
  return spec !== undefined && alternatives(spec).some((a) => typeof a === 'object' && 'mapOf' in a);
}

/** `updateConfig` → `update_config`: the prefix of KEY_DOCS entries. */
export function docPrefix(schemaName: string): string {
  return schemaName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const KIND_TEXT: Readonly<Record<string, string>> = {
  stringOrNumber: 'string or number', stringList: 'list of strings', stringOrList: 'string or list of strings',
  listOrMap: 'list of KEY=value or mapping', cpus: 'cpus (e.g. 0.5)', bytes: 'bytes (e.g. 512M)', duration: 'duration (e.g. 10s)',
  port: 'port (e.g. "8080:80")',
};

/** Human type of a value spec: `duration`, `one of stop-first | start-first`, `mapping`, ... */
export function describeSpec(spec: ValueSpec): string {
  if (typeof spec === 'string') return KIND_TEXT[spec] ?? spec;
  if ('enum' in spec) return `one of ${spec.enum.join(' | ')}`;
  if ('object' in spec) return 'mapping';
  if ('listOf' in spec) return `list of ${describeSpec(spec.listOf)}`;
  if ('mapOf' in spec) return `map of name → ${describeSpec(spec.mapOf)}`;
  return [...new Set(spec.oneOf.map(describeSpec))].join(' or ');
}

/** How a key with this spec is inserted: a leaf (`key: `), a mapping or a list. */
export function shapeOf(spec: ValueSpec): 'leaf' | 'map' | 'list' {
  const alts = alternatives(spec);
  const isList = (a: ValueSpec): boolean => a === 'stringList' || (typeof a === 'object' && 'listOf' in a);
  const isMap = (a: ValueSpec): boolean => a === 'listOrMap' || (typeof a === 'object' && ('object' in a || 'mapOf' in a));
  if (alts.every((a) => isList(a) || isMap(a))) return alts.some(isList) ? 'list' : 'map';
  return 'leaf';
}
