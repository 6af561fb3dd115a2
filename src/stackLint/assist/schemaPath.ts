// Map a path of parent keys (with '-' for a sequence item) onto the compose schema (schema.ts).
import { composeSchema, LATEST_MINOR, type Schema } from '../schema';
import { KIND_TEXT, kindOf } from '../schemaText';
import { DEPLOY_ENUMS } from '../deployEnums';

/** The alternatives of a schema (its `oneOf` branches, flattened). */
export function alternatives(s: Schema): Schema[] {
  return s.oneOf ? s.oneOf.flatMap(alternatives) : [s];
}

function children(s: Schema, seg: string): Schema[] {
  const out: Schema[] = [];
  for (const alt of alternatives(s)) {
    if (seg === '-') { if (alt.items) out.push(alt.items); continue; }
    const prop = alt.properties?.[seg];
    if (prop) out.push(prop);
    else if (alt.values && alt.keys?.test(seg)) out.push(alt.values);
  }
  return out;
}

/** The schema at `path` in the given version (undefined when the path leaves it, e.g. under `x-*`). */
export function specAt(path: readonly string[], minor = LATEST_MINOR): Schema | undefined {
  let s: Schema | undefined = composeSchema(minor);
  for (const seg of path) {
    if (s === undefined) return undefined;
    const next = children(s, seg);
    s = next.length === 0 ? undefined : next.length === 1 ? next[0] : { oneOf: next };
  }
  return s;
}

/** The object schemas (with named keys) a mapping at this spec may follow. */
export function objectSchemas(s: Schema | undefined): Schema[] {
  return s === undefined ? [] : alternatives(s).filter((a) => a.properties !== undefined && a.id !== undefined);
}

/** A mapping of names (`services`, a service's `networks`): keys are names, not schema keys. */
export function hasNamedKeys(s: Schema | undefined): boolean {
  return s !== undefined && alternatives(s).some((a) => a.keys !== undefined && a.values !== undefined);
}

/** `updateConfig` → `update_config`: the prefix of KEY_DOCS entries. */
export function docPrefix(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Values a key takes: the schema's enum, the ones the engine accepts, booleans. */
export function enumValues(parent: Schema | undefined, key: string, s: Schema | undefined): string[] {
  const out: string[] = [];
  for (const obj of objectSchemas(parent)) out.push(...(DEPLOY_ENUMS[`${obj.id ?? ''}.${key}`] ?? []));
  for (const alt of s ? alternatives(s) : []) {
    if (alt.enum) out.push(...alt.enum);
    if (alt.type === 'boolean' || (Array.isArray(alt.type) && alt.type.includes('boolean'))) out.push('true', 'false');
  }
  return [...new Set(out)];
}

/** Human type of a schema: `duration`, `one of stop-first | start-first`, `mapping`, … */
export function describeSpec(s: Schema, enums: readonly string[] = []): string {
  const kind = kindOf(s);
  if (kind) return KIND_TEXT[kind].detail;
  if (s.enum || enums.length > 0) return `one of ${(s.enum ?? enums).join(' | ')}`;
  if (s.oneOf) return [...new Set(s.oneOf.map((x) => describeSpec(x)))].join(' or ');
  if (s.type === 'array') return `list of ${s.items ? describeSpec(s.items) : 'anything'}`;
  if (s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'))) return s.keys && !s.properties ? 'map of name → value' : 'mapping';
  if (s.type === undefined) return 'anything';
  return (typeof s.type === 'string' ? [s.type] : s.type).join(' or ');
}

/** How a key with this schema is inserted: a leaf (`key: `), a mapping or a list. */
export function shapeOf(s: Schema): 'leaf' | 'map' | 'list' {
  const alts = alternatives(s);
  const isList = (a: Schema) => a.type === 'array';
  const isMap = (a: Schema) => a.type === 'object' || (Array.isArray(a.type) && a.type.includes('object'));
  if (alts.every((a) => isList(a) || isMap(a))) return alts.some(isList) ? 'list' : 'map';
  return 'leaf';
}
