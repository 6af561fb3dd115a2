// The event stream has no heartbeat: a connection whose peer vanished, or that a middlebox stopped
// forwarding, looks exactly like a quiet cluster. So the store replaces its stream every so often by
// one that replays from just before the last event it saw (`since`). This ledger tells, for each
// event, whether it is new (replays and the overlap of two streams deliver some twice), and whether a
// replayed event is one the old stream should have delivered long ago — then the old stream was dead.
import { eventKey, type EngineEvent } from '../domain/events';

/** Slack for delivery delays. */
const MARGIN_NANO = 1e9;
/** The daemon's `Date` header has second precision: a stream opened up to 1 s after it says. */
const DATE_PRECISION_NANO = 1e9;

export class EventLedger {
  private readonly seen = new Map<string, number>();
  private lastNano = 0;

  /** `openedAtNano`: when the daemon opened the stream in use (its clock). */
  constructor(private openedAtNano: number) {}

  /** Where a replacement stream should start replaying (daemon clock, ns). */
  replaySince(): number {
    return Math.max(this.lastNano, this.openedAtNano) - MARGIN_NANO;
  }

  /**
   * A replayed event that the stream in use should have delivered, but did not: it happened well
   * after that stream opened and well before its replacement did.
   */
  missed(e: EngineEvent, replacementOpenedAtNano: number): boolean {
    return !this.seen.has(eventKey(e))
      && e.timeNano > this.openedAtNano + DATE_PRECISION_NANO + MARGIN_NANO / 10
      && e.timeNano < replacementOpenedAtNano - MARGIN_NANO;
  }

  /** True the first time an event is delivered (by any stream). */
  first(e: EngineEvent): boolean {
    const key = eventKey(e);
    if (this.seen.has(key)) return false;
    this.seen.set(key, e.timeNano);
    this.lastNano = Math.max(this.lastNano, e.timeNano);
    return true;
  }

  /** The replacement is in use; forget what no later replay can deliver again. */
  switchTo(openedAtNano: number): void {
    this.openedAtNano = openedAtNano;
    const horizon = this.replaySince() - MARGIN_NANO;
    for (const [key, t] of this.seen) if (t < horizon) this.seen.delete(key);
  }

  get size(): number { return this.seen.size; }
}
