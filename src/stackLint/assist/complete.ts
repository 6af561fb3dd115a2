// Completion items for a cursor in a stack file: keys of the mapping, enum/boolean values, object names.
import { SCHEMAS, ValueSpec } from '../schema';
import { AssistContext, contextAt, lineInfo, splitLines } from './context';
import { KEY_DOCS } from './keyDocs';
import { alternatives, describeSpec, docPrefix, hasMapOf, objectNames, shapeOf, specAt } from './schemaPath';
import { IGNORED_SERVICE_KEYS, REJECTED_SERVICE_KEYS } from './swarmNotes';
import type { AssistFacts, AssistItem } from './types';

const IGNORED_DETAIL = 'ignored by docker stack deploy';
const NAMED = ['networks', 'secrets', 'configs'] as const;
type Named = (typeof NAMED)[number];

const isNamed = (s: string | undefined): s is Named => s !== undefined && (NAMED as readonly string[]).includes(s);

/** Indentation step of the file (smallest positive indent), 2 when unknown. */
function indentUnit(lines: readonly string[]): number {
  let unit = 0;
  for (const line of lines) {
    const info = lineInfo(line);
    if (!info.blank && info.ind > 0 && (unit === 0 || info.ind < unit)) unit = info.ind;
  }
  return unit || 2;
}

/** Keys defined under a top-level section (`networks:`, `secrets:`, `configs:`), with the lines of each entry. */
export function topLevelNames(lines: readonly string[], section: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let inside = false;
  let col = -1;
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    const l = lineInfo(line);
    if (l.blank) continue;
    if (l.ind === 0 && l.dashes === 0) {
      inside = l.key === section;
      col = -1;
      continue;
    }
    if (!inside) continue;
    if (col < 0) col = l.ind;
    if (l.ind === col && l.key !== undefined && l.dashes === 0) {
      current = {};
      out.set(l.key, current);
    } else if (current && l.key !== undefined && l.ind > col) {
      current[l.key] = l.value ?? '';
    }
  }
  return out;
}

function keyItems(ctx: AssistContext, lines: readonly string[]): AssistItem[] {
  const spec = specAt(ctx.path);
  const unit = indentUnit(lines);
  const items: AssistItem[] = [];
  const ignored: AssistItem[] = [];
  for (const name of objectNames(spec)) {
    const schema = SCHEMAS[name];
    if (!schema) continue;
    for (const [key, valueSpec] of Object.entries(schema.keys)) {
      if (key in ctx.siblings || items.some((i) => i.label === key)) continue;
      if (name === 'service' && key in REJECTED_SERVICE_KEYS) continue;
      const item = keyItem(name, key, valueSpec, ctx.column + unit);
      if (name === 'service' && key in IGNORED_SERVICE_KEYS) ignored.push({ ...item, detail: IGNORED_DETAIL });
      else items.push(item);
    }
  }
  const byLabel = (a: AssistItem, b: AssistItem): number => a.label.localeCompare(b.label);
  return [...items.sort(byLabel), ...ignored.sort(byLabel)];
}

function keyItem(schemaName: string, key: string, spec: ValueSpec, childIndent: number): AssistItem {
  const shape = shapeOf(spec);
  const pad = ' '.repeat(childIndent);
  const insertText = shape === 'leaf' ? `${key}: ` : shape === 'map' ? `${key}:\n${pad}` : `${key}:\n${pad}- `;
  const doc = KEY_DOCS[`${docPrefix(schemaName)}.${key}`];
  const item: AssistItem = { label: key, kind: 'key', detail: describeSpec(spec), insertText };
  return doc === undefined ? item : { ...item, documentation: doc };
}

function enumItems(spec: ValueSpec | undefined): AssistItem[] {
  if (spec === undefined) return [];
  const out: AssistItem[] = [];
  for (const alt of alternatives(spec)) {
    if (typeof alt === 'object' && 'enum' in alt) out.push(...alt.enum.map((v): AssistItem => ({ label: v, kind: 'value', insertText: v })));
    if (alt === 'boolean') out.push(...['true', 'false'].map((v): AssistItem => ({ label: v, kind: 'value', insertText: v })));
  }
  return out;
}

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

export function completionsAt(text: string, offset: number, facts?: AssistFacts): AssistItem[] {
  const ctx = contextAt(text, offset);
  const lines = splitLines(text);
  const { path } = ctx;
  const defined = (section: Named): AssistItem[] =>
    nameItems(topLevelNames(lines, section).keys(), `${section.slice(0, -1)} defined in this file`);
  switch (ctx.position) {
    case 'none':
      return [];
    case 'key': {
      // A name under a top-level section: offer what exists in the swarm (for `external: true` entries).
      if (path.length === 1 && isNamed(path[0])) {
        const section = path[0];
        return nameItems(facts?.[section] ?? [], 'exists in the swarm', new Set(topLevelNames(lines, section).keys()))
          .map((i) => ({ ...i, insertText: `${i.label}:\n${' '.repeat(ctx.column + indentUnit(lines))}external: true` }));
      }
      // services.<s>.networks as a mapping: keys are network names.
      const ref = serviceRef(path);
      if (ref === 'networks' && path.length === 3 && hasMapOf(specAt(path))) {
        return defined('networks').filter((i) => !(i.label in ctx.siblings)).map((i) => ({ ...i, insertText: `${i.label}:` }));
      }
      return keyItems(ctx, lines);
    }
    case 'item': {
      const ref = serviceRef(path);
      if (ref && path.length === 4) return defined(ref);
      const spec = specAt(path);
      return objectNames(spec).length > 0 ? keyItems(ctx, lines) : enumItems(spec);
    }
    case 'value': {
      const ref = serviceRef(path);
      if (ref && ctx.key === 'source' && path.length === 4) return defined(ref);
      const section = path[0];
      const isNameKey = ctx.key === 'name' && path.length >= 2 && isNamed(section);
      if (isNameKey && section !== undefined && isNamed(section)) {
        const entry = topLevelNames(lines, section).get(path[1] ?? '') ?? {};
        if (path[2] === 'external' || isExternal(entry)) return nameItems(facts?.[section] ?? [], 'exists in the swarm');
      }
      return enumItems(specAt([...path, ctx.key ?? '']));
    }
  }
}
