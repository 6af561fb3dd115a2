// Which fields of a service spec changed between `PreviousSpec` and `Spec` (what `docker service
// update` did): objects are compared key by key, anything else (arrays included, e.g. `Env`) as a
// whole value. Paths use the Engine's field names, so they read like `docker service inspect`.
// Equal subtrees are compared without building strings (every service of a big swarm is mapped on
// each listing); only the values that differ are turned into text. Pure: the service mapper and the
// actions' confirmations (rollback, edited spec) use it.
import type { SpecChange } from '../model';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Readonly<Record<string, unknown>> => (isObject(v) ? v : {});

function deepEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x)) return Array.isArray(y) && x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  if (!isObject(x) || !isObject(y)) return false;
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => k in y && deepEqual(x[k], y[k]));
}

export function specChanges(before: unknown, after: unknown, prefix = ''): SpecChange[] {
  const a = obj(before);
  const b = obj(after);
  const out: SpecChange[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[key];
    const y = b[key];
    if (deepEqual(x, y)) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isObject(x) && isObject(y)) { out.push(...specChanges(x, y, path)); continue; }
    out.push({ path, before: x === undefined ? undefined : JSON.stringify(x), after: y === undefined ? undefined : JSON.stringify(y) });
  }
  return out;
}

/** `TaskTemplate.ContainerSpec.Image: "local/busybox:2" → "local/busybox:1"`, long values cut. */
export function describeChange(c: SpecChange): string {
  const show = (v: string | undefined): string => (v === undefined ? '(none)' : v.length > 80 ? `${v.slice(0, 77)}…` : v);
  return `${c.path}: ${show(c.before)} → ${show(c.after)}`;
}
