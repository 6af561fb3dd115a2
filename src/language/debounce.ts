// Per-key debounce with an injectable clock, so tests can run the scheduled work at once.
import type { Scheduler } from '../domain/scheduler';

export class KeyedDebouncer<K> {
  private readonly pending = new Map<K, { cancel(): void }>();

  constructor(private readonly scheduler: Scheduler, private readonly delayMs: () => number) {}

  /** Runs `work` once `delayMs` has passed without another call for the same key. */
  run(key: K, work: () => void): void {
    this.cancel(key);
    this.pending.set(key, this.scheduler.schedule(() => { this.pending.delete(key); work(); }, this.delayMs()));
  }

  cancel(key: K): void {
    this.pending.get(key)?.cancel();
    this.pending.delete(key);
  }

  dispose(): void {
    for (const p of this.pending.values()) p.cancel();
    this.pending.clear();
  }
}
