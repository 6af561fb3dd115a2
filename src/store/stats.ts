// Counters that let tests and benchmarks see how the store did its work (list calls vs events).
import { KINDS, type Kind } from '../domain/model';
import type { StoreStats } from './types';

const zero = (): Record<Kind, number> => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;

export class StatsCounter {
  private readonly fullLists = zero();
  private readonly partialLists = zero();
  private events = 0;
  private resyncs = 0;
  private reconnects = 0;
  private fetchFailures = 0;
  private deadStreams = 0;
  private failovers = 0;

  list(kind: Kind, full: boolean): void { (full ? this.fullLists : this.partialLists)[kind]++; }
  event(): void { this.events++; }
  resync(): void { this.resyncs++; }
  reconnected(): void { this.reconnects++; }
  fetchFailed(): void { this.fetchFailures++; }
  streamDied(): void { this.deadStreams++; }
  failedOver(): void { this.failovers++; }

  snapshot(): StoreStats {
    return { fullLists: { ...this.fullLists }, partialLists: { ...this.partialLists }, events: this.events, resyncs: this.resyncs, reconnects: this.reconnects,
      fetchFailures: this.fetchFailures, deadStreams: this.deadStreams, failovers: this.failovers };
  }
}
