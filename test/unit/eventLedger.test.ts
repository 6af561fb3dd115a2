// The ledger behind the store's stream replacement: duplicates from replays are dropped, and an event
// the old stream should have delivered long before its replacement opened marks it dead.
import assert from 'node:assert/strict';
import type { EngineEvent } from '../../src/domain/events';
import { EventLedger, Replacement } from '../../src/store/eventLedger';

const S = 1e9;
const T0 = 1_796_159_400 * S; // a daemon clock reading, in ns
const ev = (t: number, actorId = 'svc'): EngineEvent => ({ type: 'service', action: 'update', actorId, attributes: {}, scope: 'swarm', timeNano: t });

describe('EventLedger', () => {
  it('delivers each event once, whichever stream brings it', () => {
    const l = new EventLedger(T0);
    assert.equal(l.first(ev(T0 + 5 * S)), true);
    assert.equal(l.first(ev(T0 + 5 * S)), false);
    assert.equal(l.first(ev(T0 + 5 * S, 'other')), true);
  });

  it('replays from a second before the last event seen (or the opening, if none)', () => {
    const l = new EventLedger(T0);
    assert.equal(l.replaySince(), T0 - S);
    l.first(ev(T0 + 7 * S));
    assert.equal(l.replaySince(), T0 + 6 * S);
  });

  it('an event the old stream should have delivered, well inside its lifetime', () => {
    const r = new Replacement(new EventLedger(T0), () => undefined);
    const replacementOpened = T0 + 20 * S;
    assert.equal(r.shouldHaveHad(ev(T0 + 10 * S), replacementOpened), true);
    // Too close to either opening to tell (the Date header has second precision).
    assert.equal(r.shouldHaveHad(ev(T0 + S / 2), replacementOpened), false);
    assert.equal(r.shouldHaveHad(ev(replacementOpened - S / 10), replacementOpened), false);
    assert.equal(r.shouldHaveHad(ev(replacementOpened - S / 2), replacementOpened), true);
  });

  it('a replacement judges the events it brought first once its opening time is known', () => {
    const l = new EventLedger(T0);
    let dead = 0;
    const r = new Replacement(l, () => dead++);
    r.delivered(ev(T0 + 10 * S, 'missed'));
    assert.equal(dead, 0, 'not judged before the opening time is known');
    r.opened(T0 + 20 * S);
    assert.equal(dead, 1);
    l.switchTo(T0 + 20 * S);
    r.delivered(ev(T0 + 12 * S, 'late replay'));
    assert.equal(dead, 1, 'once is enough, and judged against the old stream even after the switch');
    const fine = new Replacement(l, () => dead++);
    fine.opened(T0 + 20 * S);
    fine.delivered(ev(T0 + 20 * S + S / 2, 'live'));
    assert.equal(dead, 1, 'a live event after the opening is no evidence');
  });

  it('forgets events no later replay can bring again', () => {
    const l = new EventLedger(T0);
    for (let i = 0; i < 10; i++) l.first(ev(T0 + i * S, `x${i}`));
    l.switchTo(T0 + 30 * S);
    assert.equal(l.size, 0);
    l.first(ev(T0 + 31 * S));
    l.switchTo(T0 + 32 * S);
    assert.equal(l.size, 1, 'the last event stays: the next replay starts just before it');
  });
});
