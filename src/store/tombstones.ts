// Objects the event stream said are gone, remembered for a while: a manager keeps listing a removed
// overlay network for some seconds (seen: ~4–6 s, while the containers that used it are torn down),
// so a fetch that answers in that window would put it back, and no later event would take it out.
import type { Kind, SwarmObject } from '../domain/model';

export const TOMBSTONE_MS = 15_000;

export class Tombstones {
  private readonly gone = new Map<string, number>();

  constructor(private readonly ttlMs = TOMBSTONE_MS, private readonly now: () => number = Date.now) {}

  record(removed: ReadonlyMap<Kind, ReadonlySet<string>>): void {
    const until = this.now() + this.ttlMs;
    for (const [kind, ids] of removed) for (const id of ids) this.gone.set(`${kind}:${id}`, until);
  }

  /** `items` without the objects announced removed within the last ttlMs. */
  filter<T extends SwarmObject>(kind: Kind, items: readonly T[]): readonly T[] {
    if (this.gone.size === 0) return items;
    const now = this.now();
    for (const [key, until] of this.gone) if (until <= now) this.gone.delete(key);
    return this.gone.size === 0 ? items : items.filter((o) => !this.gone.has(`${kind}:${o.id}`));
  }
}
