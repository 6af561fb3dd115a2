// The store's cache: one map per kind, and the diffing that turns fresh lists into typed changes.
import { KINDS, type Kind, type ObjectOfKind, type SwarmObject } from '../domain/model';
import type { KindChange } from './types';

type Maps = { [K in Kind]: Map<string, ObjectOfKind[K]> };

function same(kind: Kind, a: SwarmObject, b: SwarmObject): boolean {
  if (a.version > 0 && b.version > 0) {
    if (a.version !== b.version) return false;
    // Parts the Engine computes when asked, not stored with the object, change without a new
    // version: ServiceStatus counts, and a node's ManagerStatus (leader, reachability: from the
    // Raft membership, e.g. a promoted node joining it).
    if (kind === 'service') return JSON.stringify((a as ObjectOfKind['service']).status) === JSON.stringify((b as ObjectOfKind['service']).status);
    if (kind === 'node') return JSON.stringify((a as ObjectOfKind['node']).managerStatus) === JSON.stringify((b as ObjectOfKind['node']).managerStatus);
    return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

export function isEmptyChange(c: KindChange): boolean {
  return c.added.length === 0 && c.updated.length === 0 && c.removed.length === 0;
}

export class ObjectCache {
  private readonly maps = Object.fromEntries(KINDS.map((k) => [k, new Map()])) as unknown as Maps;

  all<K extends Kind>(kind: K): ObjectOfKind[K][] {
    return [...this.maps[kind].values()];
  }

  get<K extends Kind>(kind: K, id: string): ObjectOfKind[K] | undefined {
    return this.maps[kind].get(id);
  }

  size(kind: Kind): number {
    return this.maps[kind].size;
  }

  /** Replace every object of `kind` with `items`. */
  replaceAll<K extends Kind>(kind: K, items: readonly ObjectOfKind[K][]): KindChange {
    return this.replaceWhere(kind, () => true, items);
  }

  /**
   * Replace the objects of `kind` that `inScope` selects with `items` (which must all be in scope):
   * those in scope but absent from `items` are removed.
   */
  replaceWhere<K extends Kind>(kind: K, inScope: (o: ObjectOfKind[K]) => boolean, items: readonly ObjectOfKind[K][]): KindChange {
    const map = this.maps[kind];
    const added: string[] = [];
    const updated: string[] = [];
    const removed: string[] = [];
    const fresh = new Set<string>();
    for (const item of items) {
      fresh.add(item.id);
      const old = map.get(item.id);
      if (!old) added.push(item.id);
      else if (!same(kind, old, item)) updated.push(item.id);
      else continue;
      map.set(item.id, item);
    }
    for (const [id, old] of map) {
      if (!fresh.has(id) && inScope(old)) { map.delete(id); removed.push(id); }
    }
    return { kind, added, updated, removed };
  }

  removeWhere<K extends Kind>(kind: K, predicate: (o: ObjectOfKind[K]) => boolean): KindChange {
    return this.replaceWhere(kind, predicate, []);
  }
}
