// Which elements of the tree a batch of store changes touches: a one-service change refreshes that
// service's rows (under Services, under its stack), not 20,000 items. VS Code refreshes an element
// with its expanded subtree, so a target covers its descendants and the plan keeps only the
// outermost ones. Elements VS Code never asked for are skipped: they render fresh when expanded.
// Pure: reads the store, the tree's memory and the Tasks group's buckets before and after.
import type { Kind, Task } from '../../domain/model';
import { PROBLEM_BUCKETS, slotKey, type TaskBucket } from '../../domain/taskBuckets';
import type { ChangeBatch, ClusterView } from '../../store/types';
import { bucketElement, groupElement, groupKey, type GroupId, type TreeElement } from './elements';
import type { TreeMemory } from './treeMemory';

/** Past this many targets, refreshing the whole tree is cheaper for VS Code. */
export const MAX_TARGETS = 200;

/**
 * How long the tree gathers batches before it refreshes: none beyond the current turn of the event
 * loop. The store already coalesces an event burst into one batch (its one short window).
 */
export const REFRESH_DEBOUNCE_MS = 0;

const GROUP_OF: Readonly<Record<Exclude<Kind, 'task'>, GroupId>> =
  { node: 'nodes', service: 'services', secret: 'secrets', config: 'configs', network: 'networks' };

export interface PlanInput {
  readonly batch: ChangeBatch;
  readonly view: ClusterView;
  readonly memory: TreeMemory;
  /** Tasks by bucket as last shown, and as they are now. */
  readonly bucketsBefore: ReadonlyMap<TaskBucket, readonly Task[]> | undefined;
  readonly bucketsNow: () => ReadonlyMap<TaskBucket, readonly Task[]>;
  /** Service id → `name\0stack` as last shown (a change of either re-sorts the lists). */
  readonly serviceShape: ReadonlyMap<string, string>;
  /** Task id → its service and node as last shown, so removed tasks find their rows. */
  readonly taskPlace: ReadonlyMap<string, { readonly serviceId: string; readonly nodeId?: string }>;
}

export type Plan = 'all' | readonly TreeElement[];

export function serviceShape(s: { readonly name: string; readonly stack?: string }): string {
  return `${s.name}\0${s.stack ?? ''}`;
}

export function planRefresh(input: PlanInput): Plan {
  if (input.batch.resync) return 'all';
  const keys = new Set<string>();
  const { view, memory } = input;
  const showing = (kind: Kind, id: string): void => { for (const k of memory.keysShowing(kind, id)) keys.add(k); };
  const parentsOf = (kind: Kind, id: string): void => {
    for (const k of memory.keysShowing(kind, id)) { const p = memory.get(k)?.parent; if (p) keys.add(p.key); }
  };
  let tasksChanged = false;
  for (const c of input.batch.changes) {
    if (c.kind === 'task') {
      tasksChanged = true;
      for (const id of [...c.added, ...c.updated, ...c.removed]) {
        parentsOf('task', id);   // where it was
        const t = view.get('task', id);
        const place = t ?? input.taskPlace.get(id);
        if (place) { showing('service', place.serviceId); if (place.nodeId) showing('node', place.nodeId); }
      }
      continue;
    }
    const group = groupKey(GROUP_OF[c.kind]);
    if (c.added.length > 0 || c.removed.length > 0) {
      keys.add(group);
      if (c.kind === 'service') keys.add(groupKey('stacks'));
    }
    for (const id of c.removed) parentsOf(c.kind, id);
    for (const id of c.updated) {
      if (c.kind !== 'service') { showing(c.kind, id); continue; }
      const s = view.get('service', id);
      if (s && input.serviceShape.get(id) === serviceShape(s)) showing('service', id);
      else { keys.add(group); keys.add(groupKey('stacks')); }
    }
  }
  if (tasksChanged) tasksGroupTargets(input, keys);
  return targets(keys, memory);
}

/** Buckets whose members changed, or the whole Tasks group when its description or bucket set did. */
function tasksGroupTargets(input: PlanInput, keys: Set<string>): void {
  const group = groupKey('tasks');
  if (!input.memory.isShown(group)) return;
  const before = input.bucketsBefore;
  const now = input.bucketsNow();
  if (!before) { keys.add(group); return; }
  const problems = (m: ReadonlyMap<TaskBucket, readonly Task[]>): number =>
    [...PROBLEM_BUCKETS].reduce((n, b) => n + (m.get(b)?.length ?? 0), 0);
  const present = (m: ReadonlyMap<TaskBucket, readonly Task[]>): string => [...m].filter(([, l]) => l.length > 0).map(([b]) => b).sort().join();
  if (problems(before) !== problems(now) || present(before) !== present(now)) { keys.add(group); return; }
  const parent = groupElement('tasks');
  for (const [bucket, tasks] of now) {
    if (!same(before.get(bucket) ?? [], tasks)) keys.add(bucketElement(parent, bucket).key);
  }
}

/** The same tasks in the same versions (a state change makes a new version). */
function same(a: readonly Task[], b: readonly Task[]): boolean {
  if (a.length !== b.length) return false;
  const versions = new Map(a.map((t) => [t.id, `${t.version}/${slotKey(t)}`]));
  return b.every((t) => versions.get(t.id) === `${t.version}/${slotKey(t)}`);
}

function targets(keys: ReadonlySet<string>, memory: TreeMemory): Plan {
  const shown = [...keys].flatMap((k) => memory.get(k) ?? []);
  const covered = (el: TreeElement): boolean => el.parent !== undefined && (keys.has(el.parent.key) || covered(el.parent));
  const roots = shown.filter((el) => !covered(el));
  return roots.length > MAX_TARGETS ? 'all' : roots;
}
