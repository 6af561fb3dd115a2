// The event stream has no heartbeat: a connection whose peer vanished, or that a middlebox stopped
// forwarding, looks exactly like a quiet cluster. So the store replaces its stream every so often by
// one that replays from just before the last event it saw (`since`). This ledger tells, for each
// event, whether it is new (replays and the overlap of two streams deliver some twice), and whether a
// replayed event is one the old stream should have delivered long ago — then the old stream was dead.
import { eventKey, type EngineEvent } from '../domain/events';

/** How far before the last event seen a replay starts. */
const REPLAY_MARGIN_NANO = 1e9;
/** The daemon's `Date` header has second precision: a stream opened up to 1 s after it says. */
const DATE_PRECISION_NANO = 1e9;
/** Slack for an event and its replay racing each other. */
const DELIVERY_NANO = 2e8;

export class EventLedger {
  private readonly seen = new Map<string, number>();
  private lastNano = 0;

  /** `openedAtNano`: when the daemon opened the stream in use (its clock). */
  constructor(private openedAtNano: number) {}

  /** Where a replacement stream should start replaying (daemon clock, ns). */
  replaySince(): number {
    return Math.max(this.lastNano, this.openedAtNano) - REPLAY_MARGIN_NANO;
  }

  /** When the daemon opened the stream in use. */
  get streamOpenedAtNano(): number { return this.openedAtNano; }

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
    const horizon = this.replaySince() - REPLAY_MARGIN_NANO;
    for (const [key, t] of this.seen) if (t < horizon) this.seen.delete(key);
  }

  get size(): number { return this.seen.size; }
}

/**
 * One stream replacement under way. The replay can arrive before the replacement's opening time is
 * known, so the events it delivers first are judged once it is: if the old stream should have had
 * one of them, the old stream was dead.
 */
export class Replacement {
  private early: EngineEvent[] = [];
  private openedAtNano: number | undefined;
  private dead = false;
  /** When the stream being replaced opened: replayed events may arrive after the ledger switched. */
  private readonly oldOpenedAtNano: number;

  constructor(ledger: EventLedger, private readonly onDead: () => void) {
    this.oldOpenedAtNano = ledger.streamOpenedAtNano;
  }

  /**
   * Whether the old stream should have delivered `e`: it happened surely after that stream opened,
   * and before its replacement did (whose Date can only be early).
   */
  shouldHaveHad(e: EngineEvent, replacementOpenedAtNano: number): boolean {
    return e.timeNano > this.oldOpenedAtNano + DATE_PRECISION_NANO + DELIVERY_NANO
      && e.timeNano < replacementOpenedAtNano - DELIVERY_NANO;
  }

  /** The replacement delivered `e` before any other stream did. */
  delivered(e: EngineEvent): void {
    if (this.openedAtNano === undefined) this.early.push(e); else this.judge(e);
  }

  /** The replacement's opening time, before the ledger switches to it. */
  opened(atNano: number): void {
    this.openedAtNano = atNano;
    for (const e of this.early.splice(0)) this.judge(e);
  }

  private judge(e: EngineEvent): void {
    if (this.dead || this.openedAtNano === undefined || !this.shouldHaveHad(e, this.openedAtNano)) return;
    this.dead = true;
    this.onDead();
  }
}
