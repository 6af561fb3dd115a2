// Completion items for a cursor in a stack file: keys of the mapping, enum/boolean values, object names.
// Reads the document's syntax tree and model (one parse per version), never the text line by line.
import { readStack, type StackDocument } from '../../stack/document';
import type { YNode } from '../../yamlAst';
import type { Schema } from '../schema';
import { assistRoot, contextAt, type AssistContext } from './context';
import { KEY_DOCS } from './keyDocs';
import { alternatives, describeSpec, docPrefix, enumValues, hasNamedKeys, objectSchemas, shapeOf, specAt } from './schemaPath';
import { IGNORED_SERVICE_KEYS, REJECTED_SERVICE_KEYS } from './swarmNotes';
import type { AssistFacts, AssistItem } from './types';

const IGNORED_DETAIL = 'ignored by docker stack deploy';
const NAMED = ['networks', 'secrets', 'configs'] as const;
type Named = (typeof NAMED)[number];

const isNamed = (s: string | undefined): s is Named => s !== undefined && (NAMED as readonly string[]).includes(s);

/** Indentation step of the file: how far the first nested block key sits right of its parent's key (2 when unknown). */
function indentUnit(doc: StackDocument, root: YNode | undefined): number {
  const col = (o: number) => doc.lines.position(o).character;
  const visit = (n: YNode | undefined): number | undefined => {
    if (n?.kind !== 'map') return undefined;
    for (const p of n.pairs) {
      if (p.value.kind === 'map' && p.value.pairs[0] && doc.text[p.value.start] !== '{') {
        const unit = col(p.value.pairs[0].key.start) - col(p.key.start);
        if (unit > 0) return unit;
      }
    }
    return undefined;
  };
  return visit(root) ?? 2;
}

/** Names defined under a top-level section, each with its scalar keys (`external`, …). */
function topLevelNames(doc: StackDocument, section: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const s = doc.tree.root?.get(section);
  for (const e of s?.kind === 'map' ? s.entries : []) {
    const fields: Record<string, string> = {};
    if (e.value.kind === 'map') for (const f of e.value.entries) fields[f.key] = f.value.kind === 'scalar' ? String(f.value.value ?? '') : '';
    out.set(e.key, fields);
  }
  return out;
}

function keyItems(ctx: AssistContext, unit: number): AssistItem[] {
  const items: AssistItem[] = [];
  const ignored: AssistItem[] = [];
  for (const schema of objectSchemas(specAt(ctx.path))) {
    const id = schema.id ?? '';
    for (const [key, valueSpec] of Object.entries(schema.properties ?? {})) {
      if (key === 'version' && ctx.path.length === 0 && 'version' in ctx.siblings) continue;
      if (key in ctx.siblings || items.some((i) => i.label === key)) continue;
      if (id === 'service' && key in REJECTED_SERVICE_KEYS) continue;
      const item = keyItem(id, key, valueSpec, ctx.column + unit, schema);
      if (id === 'service' && key in IGNORED_SERVICE_KEYS) ignored.push({ ...item, detail: IGNORED_DETAIL });
      else items.push(item);
    }
  }
  const byLabel = (a: AssistItem, b: AssistItem): number => a.label.localeCompare(b.label);
  return [...items.sort(byLabel), ...ignored.sort(byLabel)];
}

function keyItem(id: string, key: string, spec: Schema, childIndent: number, parent: Schema): AssistItem {
  const shape = shapeOf(spec);
  const pad = ' '.repeat(childIndent);
  const insertText = shape === 'leaf' ? `${key}: ` : shape === 'map' ? `${key}:\n${pad}` : `${key}:\n${pad}- `;
  const doc = KEY_DOCS[`${docPrefix(id)}.${key}`];
  const item: AssistItem = { label: key, kind: 'key', detail: describeSpec(spec, enumValues(parent, key, undefined)), insertText };
  return doc === undefined ? item : { ...item, documentation: doc };
}

const valueItems = (values: readonly string[]): AssistItem[] => values.map((v) => ({ label: v, kind: 'value', insertText: v }));

function nameItems(names: Iterable<string>, detail: string, exclude: ReadonlySet<string> = new Set()): AssistItem[] {
  return [...names].filter((n) => !exclude.has(n)).sort().map((n) => ({ label: n, kind: 'name', detail, insertText: n }));
}

const isExternal = (entry: Readonly<Record<string, string>>): boolean =>
  'external' in entry && (entry.external === '' || entry.external === 'true');

/** The named section a service-level reference points to: services.<s>.networks|secrets|configs. */
function serviceRef(path: readonly string[]): Named | undefined {
  const section = path[2];
  return path[0] === 'services' && path.length >= 3 && isNamed(section) ? section : undefined;
}

export function completionsAt(source: string | StackDocument, offset: number, facts?: AssistFacts): AssistItem[] {
  const doc = typeof source === 'string' ? readStack(source, undefined) : source;
  const ctx = contextAt(doc, offset);
  const { path } = ctx;
  const unit = indentUnit(doc, assistRoot(doc));
  const defined = (section: Named): AssistItem[] =>
    nameItems(topLevelNames(doc, section).keys(), `${section.slice(0, -1)} defined in this file`);
  switch (ctx.position) {
    case 'none':
      return [];
    case 'key': {
      // A name under a top-level section: offer what exists in the swarm (for `external: true` entries).
      if (path.length === 1 && isNamed(path[0])) {
        const section = path[0];
        return nameItems(facts?.[section] ?? [], 'exists in the swarm', new Set(topLevelNames(doc, section).keys()))
          .map((i) => ({ ...i, insertText: `${i.label}:\n${' '.repeat(ctx.column + unit)}external: true` }));
      }
      // services.<s>.networks as a mapping: keys are network names.
      const ref = serviceRef(path);
      if (ref === 'networks' && path.length === 3 && hasNamedKeys(specAt(path))) {
        return defined('networks').filter((i) => !(i.label in ctx.siblings)).map((i) => ({ ...i, insertText: `${i.label}:` }));
      }
      return keyItems(ctx, unit);
    }
    case 'item': {
      const ref = serviceRef(path);
      if (ref && path.length === 4) return defined(ref);
      const spec = specAt(path);
      if (objectSchemas(spec).length > 0) return keyItems(ctx, unit);
      return valueItems(spec ? alternatives(spec).flatMap((a) => a.enum ?? []) : []);
    }
    case 'value': {
      const ref = serviceRef(path);
      if (ref && ctx.key === 'source' && path.length === 4) return defined(ref);
      const section = path[0];
      if (ctx.key === 'name' && path.length >= 2 && isNamed(section)) {
        const entry = topLevelNames(doc, section).get(path[1] ?? '') ?? {};
        if (path[2] === 'external' || isExternal(entry)) return nameItems(facts?.[section] ?? [], 'exists in the swarm');
      }
      const key = ctx.key ?? '';
      return valueItems(enumValues(specAt(path), key, specAt([...path, key])));
    }
  }
}
