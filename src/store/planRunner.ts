// Runs a refresh plan in two steps, so that it writes all of it or nothing: first every fetch of the
// plan (in parallel; the first failure aborts the others), then, only if all answered, the writes.
// A plan that half-applied would leave kinds written but never announced, or announced but wrong.
import type { RefreshPlan, Scope } from '../domain/events';
import type { Kind, ObjectOfKind, SwarmObject } from '../domain/model';
import { isEmptyChange, type ObjectCache } from './objectCache';
import type { StatsCounter } from './stats';
import type { Tombstones } from './tombstones';
import type { SwarmApi } from './swarmApi';
import type { KindChange } from './types';

interface Fetched {
  readonly kind: Kind;
  readonly scope: Scope;
  readonly items: readonly SwarmObject[];
}

async function fetchOne(api: SwarmApi, kind: Kind, scope: Scope, signal: AbortSignal, counters: StatsCounter): Promise<Fetched> {
  counters.list(kind, scope.all);
  if (scope.all) return { kind, scope, items: await api.list(kind, { signal }) };
  const ids = [...scope.ids];
  // For tasks the ids are service ids; the engine's filters may be loose, so keep only what was asked.
  if (kind === 'task') {
    const tasks = await api.list('task', { serviceIds: ids, signal });
    return { kind, scope, items: tasks.filter((t) => scope.ids.has(t.serviceId)) };
  }
  const items = await api.list(kind, { ids, signal });
  return { kind, scope, items: items.filter((o) => scope.ids.has(o.id)) };
}

/** Every fetch of the plan (objects announced removed left out), or a rejection (and the other fetches aborted). */
export async function fetchPlan(api: SwarmApi, plan: RefreshPlan, signal: AbortSignal, counters: StatsCounter, tombstones: Tombstones): Promise<Fetched[]> {
  tombstones.record(plan.removed);
  const local = new AbortController();
  const abort = (): void => local.abort(signal.reason);
  if (signal.aborted) abort(); else signal.addEventListener('abort', abort, { once: true });
  try {
    const fetched = await Promise.all([...plan.fetch].map(([kind, scope]) => fetchOne(api, kind, scope, local.signal, counters)));
    return fetched.map((f) => ({ ...f, items: tombstones.filter(f.kind, f.items) }));
  } catch (err) {
    local.abort(err);
    throw err;
  } finally {
    signal.removeEventListener('abort', abort);
  }
}

function replace<K extends Kind>(cache: ObjectCache, f: Fetched & { kind: K }): KindChange {
  const items = f.items as readonly ObjectOfKind[K][];
  if (f.scope.all) return cache.replaceAll(f.kind, items);
  const ids = f.scope.ids;
  if (f.kind === 'task') return cache.replaceWhere('task', (t) => ids.has(t.serviceId), items as readonly ObjectOfKind['task'][]);
  return cache.replaceWhere(f.kind, (o) => ids.has(o.id), items);
}

/** Writes a fetched plan into the cache; returns the changes that are not empty. */
export function writePlan(cache: ObjectCache, plan: RefreshPlan, fetched: readonly Fetched[]): KindChange[] {
  const changes: KindChange[] = [];
  for (const [kind, ids] of plan.removed) {
    changes.push(cache.removeWhere(kind, (o) => ids.has(o.id)));
    if (kind === 'service') changes.push(cache.removeWhere('task', (t) => ids.has(t.serviceId)));
  }
  for (const f of fetched) changes.push(replace(cache, f));
  return mergeChanges(changes.filter((c) => !isEmptyChange(c)));
}

/** One change per kind (a removal and a fetch of the same kind in one plan become one change). */
function mergeChanges(changes: readonly KindChange[]): KindChange[] {
  const byKind = new Map<Kind, { added: Set<string>; updated: Set<string>; removed: Set<string> }>();
  for (const c of changes) {
    let m = byKind.get(c.kind);
    if (!m) byKind.set(c.kind, m = { added: new Set(), updated: new Set(), removed: new Set() });
    for (const id of c.removed) { m.removed.add(id); m.added.delete(id); m.updated.delete(id); }
    for (const id of c.added) { if (m.removed.delete(id)) m.updated.add(id); else m.added.add(id); }
    for (const id of c.updated) m.updated.add(id);
  }
  return [...byKind].map(([kind, m]) => ({ kind, added: [...m.added], updated: [...m.updated], removed: [...m.removed] }));
}
