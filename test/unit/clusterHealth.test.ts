// The status bar's judgement for M = 1…7 managers with every count of reachable ones, by the Raft
// rule (a majority must be reachable; ⌊(M−1)/2⌋ losses tolerated) and Swarm's advice (odd counts).
import assert from 'node:assert/strict';
import { clusterHealth } from '../../src/domain/clusterHealth';
import type { SwarmNode } from '../../src/domain/model';

function swarm(managers: number, reachable: number, workers = 2): SwarmNode[] {
  const base = { version: 1, availability: 'active', addr: '', message: '', labels: {}, engineLabels: {}, engineVersion: '', platform: '', nanoCpus: 0, memoryBytes: 0 } as const;
  const ms = Array.from({ length: managers }, (_, i): SwarmNode => ({
    ...base, id: `m${i}`, hostname: `m${i}`, role: 'manager', state: i < reachable ? 'ready' : 'down',
    managerStatus: { leader: i === 0 && reachable > managers / 2, reachability: i < reachable ? 'reachable' : 'unreachable', addr: '' },
  }));
  const ws = Array.from({ length: workers }, (_, i): SwarmNode => ({ ...base, id: `w${i}`, hostname: `w${i}`, role: 'worker', state: 'ready' }));
  return [...ms, ...ws];
}

describe('cluster health in the status bar', () => {
  const opts = { warnSingleManager: true };
  for (let m = 1; m <= 7; m++) {
    it(`${m} managers, each count reachable: error without a majority, warning on the edge or an even count`, () => {
      const majority = Math.floor(m / 2) + 1;
      for (let r = 0; r <= m; r++) {
        const h = clusterHealth(swarm(m, r), opts);
        assert.equal(h.managers, m);
        assert.equal(h.managersReachable, r);
        const expected = r < majority ? 'error' : (m > 1 && r === majority) || m % 2 === 0 || m === 1 ? 'warning' : 'ok';
        assert.equal(h.level, expected, `${r} of ${m} reachable: ${h.findings.join(' | ')}`);
      }
    });
  }

  it('3 of 3: ok, tolerating one failure; 5 of 5 tolerate 2', () => {
    assert.deepEqual(clusterHealth(swarm(3, 3), opts), { level: 'ok', nodesReady: 5, nodes: 5, managersReachable: 3, managers: 3, findings: [], tolerance: '3 managers tolerate 1 failure' });
    assert.equal(clusterHealth(swarm(5, 5), opts).tolerance, '5 managers tolerate 2 failures');
  });

  it('a single manager warns only in a swarm of several nodes, and the setting silences it', () => {
    assert.equal(clusterHealth(swarm(1, 1, 0), opts).level, 'ok');
    assert.equal(clusterHealth(swarm(1, 1, 2), opts).level, 'warning');
    assert.equal(clusterHealth(swarm(1, 1, 2), { warnSingleManager: false }).level, 'ok');
  });

  it('2 managers: an even count, and one more loss breaks quorum', () => {
    const h = clusterHealth(swarm(2, 2), opts);
    assert.equal(h.level, 'warning');
    assert.equal(h.findings.length, 2);
    assert.match(h.findings.join('\n'), /even count/);
  });
});
