// Reconnect delays: exponential from `baseMs`, capped at `maxMs`, so a daemon restart is picked up
// within a second or two while a long outage costs one attempt every `maxMs`.

export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

export function backoffMs(attempt: number, { baseMs, maxMs }: BackoffOptions): number {
  if (attempt < 0 || !Number.isFinite(attempt)) return baseMs;
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
}
