// Tasks by service and by node, kept current from the store's own change batches (O(changes) per
// batch, not O(tasks)): the tree expands a service or a node, and the rules count a service's tasks,
// without scanning 20,000 tasks each time.
import type { Task } from '../domain/model';
import type { ChangeBatch } from './types';

type Lookup = (id: string) => Task | undefined;

class Buckets {
  private readonly map = new Map<string, Map<string, Task>>();
  private cache = new Map<string, readonly Task[]>();

  add(key: string | undefined, t: Task): void {
    if (key === undefined) return;
    let m = this.map.get(key);
    if (!m) this.map.set(key, m = new Map());
    m.set(t.id, t);
    this.cache.delete(key);
  }

  remove(key: string | undefined, id: string): void {
    if (key === undefined) return;
    const m = this.map.get(key);
    if (!m?.delete(id)) return;
    if (m.size === 0) this.map.delete(key);
    this.cache.delete(key);
  }

  get(key: string): readonly Task[] {
    let list = this.cache.get(key);
    if (!list) this.cache.set(key, list = [...(this.map.get(key)?.values() ?? [])]);
    return list;
  }

  clear(): void { this.map.clear(); this.cache = new Map(); }
}

export class TaskIndex {
  private readonly byService = new Buckets();
  private readonly byNode = new Buckets();
  /** What each task was indexed under, so that an update or a removal finds its old place. */
  private readonly placed = new Map<string, Task>();

  constructor(private readonly lookup: Lookup, private readonly all: () => readonly Task[]) {}

  tasksOfService(serviceId: string): readonly Task[] { return this.byService.get(serviceId); }
  tasksOfNode(nodeId: string): readonly Task[] { return this.byNode.get(nodeId); }

  /** Apply one batch the store fired (a resync rebuilds everything). */
  apply(batch: ChangeBatch): void {
    if (batch.resync) { this.rebuild(); return; }
    for (const change of batch.changes) {
      if (change.kind !== 'task') continue;
      for (const id of change.removed) this.unplace(id);
      for (const id of [...change.added, ...change.updated]) {
        this.unplace(id);
        const t = this.lookup(id);
        if (t) this.place(t);
      }
    }
  }

  private rebuild(): void {
    this.byService.clear();
    this.byNode.clear();
    this.placed.clear();
    for (const t of this.all()) this.place(t);
  }

  private place(t: Task): void {
    this.placed.set(t.id, t);
    this.byService.add(t.serviceId, t);
    this.byNode.add(t.nodeId, t);
  }

  private unplace(id: string): void {
    const old = this.placed.get(id);
    if (!old) return;
    this.placed.delete(id);
    this.byService.remove(old.serviceId, id);
    this.byNode.remove(old.nodeId, id);
  }
}
