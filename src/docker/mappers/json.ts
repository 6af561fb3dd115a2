// Narrowing accessors for Engine API JSON. The engine omits empty fields freely, so every accessor
// has a default; nothing here throws on a missing or mistyped field.

export type Json = Readonly<Record<string, unknown>>;

const EMPTY: Json = Object.freeze({});

export function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Json : EMPTY;
}

export function at(value: unknown, ...path: string[]): unknown {
  let cur: unknown = value;
  for (const key of path) cur = obj(cur)[key];
  return cur;
}

export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

export function optStr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function optNum(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function bool(value: unknown): boolean {
  return value === true;
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function labels(value: unknown): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value))) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A string that must be one of `allowed`; anything else becomes `fallback`. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? value as T : fallback;
}
