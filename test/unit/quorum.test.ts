// The Raft arithmetic of Swarm's admin guide ("Raft consensus in swarm mode": a swarm of N managers
// tolerates the loss of at most (N−1)/2; 3 tolerate 1, 5 tolerate 2, 7 tolerate 3; an even count
// adds none), for M = 1…7 with every count of reachable managers.
import assert from 'node:assert/strict';
import type { SwarmNode } from '../../src/domain/model';
import { describeTolerance, faultTolerance, majority, managerChange, quorumHealth } from '../../src/domain/quorum';

// The admin guide's table: managers → majority, fault tolerance.
const GUIDE: Readonly<Record<number, [number, number]>> = { 1: [1, 0], 2: [2, 0], 3: [2, 1], 4: [3, 1], 5: [3, 2], 6: [4, 2], 7: [4, 3] };

function managers(m: number, reachable: number): SwarmNode[] {
  return Array.from({ length: m }, (_, i) => ({
    id: `n${i}`, version: 1, hostname: `node${i}`, role: 'manager', availability: 'active', state: i < reachable ? 'ready' : 'down',
    addr: '', message: '', labels: {}, engineLabels: {}, engineVersion: '', platform: '', nanoCpus: 0, memoryBytes: 0,
    managerStatus: { leader: i === 0 && reachable > 0, reachability: i < reachable ? 'reachable' : 'unreachable', addr: '' },
  }));
}

describe('quorum', () => {
  for (let m = 1; m <= 7; m++) {
    const [maj, tol] = GUIDE[m] ?? [0, 0];
    it(`${m} managers: majority ${maj}, tolerate ${tol}; quorum holds exactly while ≥ ${maj} are reachable`, () => {
      assert.equal(majority(m), maj);
      assert.equal(faultTolerance(m), tol);
      for (let r = 0; r <= m; r++) {
        const h = quorumHealth(managers(m, r));
        assert.equal(h.managers, m);
        assert.equal(h.reachable, r);
        assert.equal(h.hasQuorum, r >= maj, `${r} of ${m} reachable`);
        assert.equal(h.spare, r - maj);
        assert.equal(h.evenManagers, m % 2 === 0);
      }
    });
  }

  it('workers do not count', () => {
    const worker: SwarmNode = { ...managers(1, 1)[0] as SwarmNode, id: 'w', role: 'worker', managerStatus: undefined };
    assert.equal(quorumHealth([...managers(3, 3), worker]).managers, 3);
  });

  it('demoting the last manager is refused; 3 → 2 loses tolerance and is even; 2 → 1 leaves one', () => {
    assert.equal(managerChange(quorumHealth(managers(1, 1)), -1).refused, true);
    const three = managerChange(quorumHealth(managers(3, 3)), -1);
    assert.deepEqual([three.after, three.even, three.losesTolerance, three.noTolerance, three.keepsQuorum], [2, true, true, true, true]);
    const promote = managerChange(quorumHealth(managers(2, 2)), +1);
    assert.deepEqual([promote.after, promote.even, promote.losesTolerance], [3, false, false]);
    // 3 managers with one down: demoting a reachable one leaves 1 of 2 reachable, no majority.
    assert.equal(managerChange(quorumHealth(managers(3, 2)), -1).keepsQuorum, false);
  });

  it('words', () => {
    assert.equal(describeTolerance(3), '3 managers tolerate 1 failure');
    assert.equal(describeTolerance(1), '1 manager tolerates 0 failures');
  });
});
