// Which fields of a service spec changed between `PreviousSpec` and `Spec` (what `docker service
// update` did): objects are compared key by key, anything else (arrays included, e.g. `Env`) as a
// whole value. Paths use the Engine's field names, so they read like `docker service inspect`.
import type { SpecChange } from '../../domain/model';
import { obj } from './json';

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

export function specChanges(before: unknown, after: unknown, prefix = ''): SpecChange[] {
  const a = obj(before);
  const b = obj(after);
  const out: SpecChange[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const x = a[key];
    const y = b[key];
    if (isObject(x) && isObject(y)) { out.push(...specChanges(x, y, path)); continue; }
    const bx = x === undefined ? undefined : JSON.stringify(x);
    const by = y === undefined ? undefined : JSON.stringify(y);
    if (bx !== by) out.push({ path, before: bx, after: by });
  }
  return out;
}
