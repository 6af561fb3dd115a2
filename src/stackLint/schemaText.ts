// What a schema wants, in words (for messages and hovers), and what JSON type a value has for it.
import type { SNode } from '../stack/tree';
import type { JsonType, Schema } from './schema';

type Actual = JsonType | 'unknown';

/** The JSON type the CLI's validator sees (a YAML timestamp is a string to it). */
export function jsonType(n: SNode): Actual {
  if (n.kind === 'map') return 'object';
  if (n.kind === 'list') return 'array';
  if (n.unknown) return 'unknown';
  const v = n.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return 'string';
}

export function typeOk(n: SNode, want: JsonType | readonly JsonType[]): boolean {
  const t = jsonType(n);
  if (t === 'unknown') return true;
  const wants: readonly JsonType[] = typeof want === 'string' ? [want] : want;
  return wants.includes(t) || (t === 'integer' && wants.includes('number'));
}

const TYPE_TEXT: Readonly<Record<JsonType, string>> = {
  string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', null: 'empty',
  object: 'a mapping', array: 'a list',
};

/** Kinds of value with a name of their own: `text` in messages, `detail` in completion and hovers. */
export const KIND_TEXT = {
  duration: { text: 'a duration such as "10s" or "1m30s"', detail: 'duration (e.g. 10s)' },
  ports: { text: 'a port such as "80", "8080:80", "8080:80/udp", "9000-9001:9000-9001" or "127.0.0.1:8080:80"', detail: 'port (e.g. "8080:80")' },
  listOrDict: { text: 'a mapping or a list of "KEY=value" strings', detail: 'list of KEY=value or mapping' },
  stringList: { text: 'a list of strings', detail: 'list of strings' },
  stringOrList: { text: 'a string or a list of strings', detail: 'string or list of strings' },
} as const;

export type Kind = keyof typeof KIND_TEXT;

/** The named kind a schema is, if any. */
export function kindOf(s: Schema): Kind | undefined {
  if (s.format) return s.format;
  const [a, b] = s.oneOf ?? [];
  if (a?.type === 'object' && b?.type === 'array' && b.unique) return 'listOrDict';
  if (a?.type === 'string' && b?.type === 'array' && b.items?.type === 'string') return 'stringOrList';
  if (s.type === 'array' && s.items?.type === 'string') return 'stringList';
  return undefined;
}

/** Named kinds get their own words; alternatives are joined with "or". */
export function describe(s: Schema): string {
  const kind = kindOf(s);
  if (kind) return KIND_TEXT[kind].text;
  if (s.enum) return `one of ${s.enum.join(', ')}`;
  if (s.oneOf) return [...new Set(s.oneOf.map(describe))].join(' or ');
  if (s.type === undefined) return 'anything';
  const types = typeof s.type === 'string' ? [s.type] : s.type;
  return types.map((t) => TYPE_TEXT[t]).join(' or ');
}

/** A number where the CLI wants a string: offer the quoted form (the usual `cpus: 0.5` trap). */
export function quoteSuggestion(n: SNode, s: Schema): Record<string, string> | undefined {
  if (n.kind !== 'scalar' || typeof n.value !== 'number') return undefined;
  if (s.format === 'duration') return { suggestion: `${n.src.text}s` };
  return s.type === 'string' ? { suggestion: `"${n.src.text}"` } : undefined;
}

/** The value as plain JSON data (uniqueItems compares these). */
export function plainJson(n: SNode): unknown {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'list') return n.items.map(plainJson);
  const out: Record<string, unknown> = {};
  for (const e of [...n.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) out[e.key] = plainJson(e.value);
  return out;
}
