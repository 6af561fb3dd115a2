// Typed reads from the merged tree: a value of the wanted type with where it is written, or
// undefined (absent, or of another type: the schema check reports that).
import type { At } from './model';
import type { SMap, SNode, SScalar } from './tree';

function at<T>(s: SScalar, value: T): At<T> {
  return s.unknown ? { value, node: s.src, unknown: true } : { value, node: s.src };
}

export function scalarAt(n: SNode | undefined): SScalar | undefined {
  return n?.kind === 'scalar' ? n : undefined;
}

export function str(m: SMap | undefined, key: string): At<string> | undefined {
  const s = scalarAt(m?.get(key));
  if (!s) return undefined;
  if (s.unknown) return at(s, s.template ?? String(s.value));
  return typeof s.value === 'string' ? at(s, s.value) : undefined;
}

export function num(m: SMap | undefined, key: string): At<number> | undefined {
  const s = scalarAt(m?.get(key));
  return s && typeof s.value === 'number' && !s.unknown ? at(s, s.value) : undefined;
}

export function bool(m: SMap | undefined, key: string): At<boolean> | undefined {
  const s = scalarAt(m?.get(key));
  return s && typeof s.value === 'boolean' && !s.unknown ? at(s, s.value) : undefined;
}

export function map(m: SMap | undefined, key: string): SMap | undefined {
  const v = m?.get(key);
  return v?.kind === 'map' ? v : undefined;
}

export function list(m: SMap | undefined, key: string): readonly SNode[] {
  const v = m?.get(key);
  return v?.kind === 'list' ? v.items : [];
}

/** Strings of a list (other items skipped). */
export function strings(m: SMap | undefined, key: string): At<string>[] {
  return list(m, key).flatMap((n) => {
    const s = scalarAt(n);
    if (!s) return [];
    if (s.unknown) return [at(s, s.template ?? '')];
    return typeof s.value === 'string' ? [at(s, s.value)] : [];
  });
}

/** A list-or-mapping (`environment`, `labels`): KEY → value; `KEY` alone in a list is null. */
export function pairs(m: SMap | undefined, key: string, sep = '='): Map<string, At<string | null>> {
  const out = new Map<string, At<string | null>>();
  const v = m?.get(key);
  if (v?.kind === 'map') {
    for (const e of v.entries) {
      const s = scalarAt(e.value);
      if (!s) continue;
      out.set(e.key, at(s, s.value === null ? null : String(s.value)));
    }
  } else if (v?.kind === 'list') {
    for (const item of v.items) {
      const s = scalarAt(item);
      if (!s || typeof s.value !== 'string') continue;
      const i = s.value.indexOf(sep);
      out.set(i < 0 ? s.value : s.value.slice(0, i), at(s, i < 0 ? null : s.value.slice(i + 1)));
    }
  }
  return out;
}

/** pairs() where a missing value is the empty string (labels). */
export function labels(m: SMap | undefined, key: string): Map<string, At<string>> {
  const out = new Map<string, At<string>>();
  for (const [k, v] of pairs(m, key)) out.set(k, { ...v, value: v.value ?? '' });
  return out;
}
