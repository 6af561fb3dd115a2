// Engine events and what each one means for the cluster store: which objects to fetch again.
// Pure: a burst of events becomes one refresh plan (coalesced, one call per kind).
import type { Kind } from './model';

/** One message of the Engine's `/events` stream, in our vocabulary. */
export interface EngineEvent {
  readonly type: string;
  readonly action: string;
  readonly actorId: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** `swarm` for cluster-wide events (node, service, secret, config, swarm network), `local` otherwise. */
  readonly scope: string;
  readonly timeNano: number;
}

/** Either every object of a kind, or only some ids. */
export type Scope = { readonly all: true } | { readonly all: false; readonly ids: ReadonlySet<string> };

export interface RefreshPlan {
  /** Objects to list again, by kind. For `task`, the ids are *service* ids. */
  readonly fetch: ReadonlyMap<Kind, Scope>;
  /** Objects the events say are gone. */
  readonly removed: ReadonlyMap<Kind, ReadonlySet<string>>;
}

export interface PlanOptions {
  /** Past this many ids of one kind, list the whole kind (one call either way). */
  readonly maxIds: number;
}

const SWARM_KINDS: Readonly<Record<string, Kind>> = {
  node: 'node', service: 'service', secret: 'secret', config: 'config', network: 'network',
};

class PlanBuilder {
  readonly fetch = new Map<Kind, Set<string> | 'all'>();
  readonly removed = new Map<Kind, Set<string>>();

  want(kind: Kind, id?: string): void {
    const cur = this.fetch.get(kind);
    if (cur === 'all') return;
    if (id === undefined) { this.fetch.set(kind, 'all'); return; }
    (cur ?? this.fetch.set(kind, new Set()).get(kind) as Set<string>).add(id);
  }

  gone(kind: Kind, id: string): void {
    let set = this.removed.get(kind);
    if (!set) this.removed.set(kind, set = new Set());
    set.add(id);
  }

  build(options: PlanOptions): RefreshPlan {
    const fetch = new Map<Kind, Scope>();
    for (const [kind, ids] of this.fetch) {
      if (ids === 'all' || ids.size > options.maxIds) fetch.set(kind, { all: true });
      else fetch.set(kind, { all: false, ids });
    }
    return { fetch, removed: this.removed };
  }
}

const IGNORED_CONTAINER_ACTIONS = /^(exec_|attach|top|resize|commit|copy|archive-path|export)/;

/** Turns a burst of events into one plan. Unknown event types are ignored. */
export function planRefresh(events: readonly EngineEvent[], options: PlanOptions): RefreshPlan {
  const plan = new PlanBuilder();
  for (const e of events) {
    const kind = SWARM_KINDS[e.type];
    if (kind) {
      if (kind === 'network' && e.scope !== 'swarm') continue; // local bridge traffic, not a swarm object
      if (e.action === 'remove') {
        plan.gone(kind, e.actorId);
      } else if (kind !== 'network' || e.action === 'create' || e.action === 'update') {
        plan.want(kind, e.actorId);
      }
      // Nodes changing state or availability move tasks; services changing spec replace tasks.
      if (kind === 'node' && e.action !== 'create') plan.want('task');
      if (kind === 'service' && e.action !== 'remove') plan.want('task', e.actorId);
      continue;
    }
    if (e.type === 'container' && !IGNORED_CONTAINER_ACTIONS.test(e.action)) {
      const serviceId = e.attributes['com.docker.swarm.service.id'];
      if (serviceId) plan.want('task', serviceId);
    }
  }
  return plan.build(options);
}

export function isEmptyPlan(plan: RefreshPlan): boolean {
  return plan.fetch.size === 0 && plan.removed.size === 0;
}

/** A plan that lists every kind in `kinds` whole. */
export function fullPlan(kinds: readonly Kind[]): RefreshPlan {
  return { fetch: new Map(kinds.map((k) => [k, { all: true } as const])), removed: new Map() };
}

function mergeScope(a: Scope | undefined, b: Scope, maxIds: number): Scope {
  if (!a) return b;
  if (a.all || b.all) return { all: true };
  const ids = new Set([...a.ids, ...b.ids]);
  return ids.size > maxIds ? { all: true } : { all: false, ids };
}

/**
 * One plan doing what `a` then `b` would: work that failed is merged into what came since, so that
 * a retry fetches both at once. Removals are kept; the fetch that follows them re-adds what still exists.
 */
export function mergePlans(a: RefreshPlan, b: RefreshPlan, options: PlanOptions): RefreshPlan {
  const fetch = new Map(a.fetch);
  for (const [kind, scope] of b.fetch) fetch.set(kind, mergeScope(fetch.get(kind), scope, options.maxIds));
  const removed = new Map(a.removed);
  for (const [kind, ids] of b.removed) removed.set(kind, new Set([...(removed.get(kind) ?? []), ...ids]));
  return { fetch, removed };
}

/** A key that names one event, to recognise it when a replay delivers it a second time. */
export function eventKey(e: EngineEvent): string {
  return `${e.timeNano}|${e.type}|${e.action}|${e.actorId}`;
}
