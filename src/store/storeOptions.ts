// The cluster store's timings and limits (see clusterStore.ts for what each one governs).

export interface StoreOptions {
  readonly fastTaskPollMs: number;
  readonly slowTaskPollMs: number;
  /** How long events are gathered before one refresh plan runs. */
  readonly coalesceMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** Past this many ids of one kind in a burst, list the whole kind. */
  readonly maxIdsPerCall: number;
  /** Failed fetches in a row before the data counts as stale and the store reconnects. */
  readonly maxFetchFailures: number;
  /** A connection counts as stable, and backoff starts over, once it has stayed up this long. */
  readonly stableAfterMs: number;
  /** How often the event stream is replaced by one that replays what the old one may have missed. */
  readonly streamCheckMs: number;
  /** How often the daemon is pinged while the stream is quiet: a vanished peer fails the ping. */
  readonly pingMs: number;
  /** A converging service none of whose tasks changed for this long counts as stuck (slow period). */
  readonly stuckAfterMs: number;
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = {
  fastTaskPollMs: 2_000, slowTaskPollMs: 30_000, coalesceMs: 50, backoffBaseMs: 250, backoffMaxMs: 8_000, maxIdsPerCall: 20,
  maxFetchFailures: 3, stableAfterMs: 10_000, streamCheckMs: 20_000, pingMs: 5_000, stuckAfterMs: 30_000,
};
