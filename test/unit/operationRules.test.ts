// The rules actions decide with before anything is sent: placement as SwarmKit's scheduler matches
// constraints (moby/swarmkit manager/constraint/constraint.go), what a drain moves, the quorum guard
// of promote/demote (Swarm's admin guide: N managers tolerate ⌊(N−1)/2⌋ losses; the Engine refuses to
// demote the last manager), and failing attempts of a rollout.
import assert from 'node:assert/strict';
import { MAPPERS } from '../../src/docker/mappers';
import { describeDrainImpact, drainImpact } from '../../src/domain/drainImpact';
import type { Service, SwarmNode, Task } from '../../src/domain/model';
import { meetsConstraint, meetsConstraints } from '../../src/domain/placement';
import { failuresSince } from '../../src/domain/progress/failures';
import { demoteGuard, promoteGuard } from '../../src/domain/roleGuard';
import { fixtureList } from '../support/fixtures';

const nodes = (): SwarmNode[] => fixtureList('nodes.json').map(MAPPERS.node);
const services = (): Service[] => fixtureList('services.json').map(MAPPERS.service);
const tasks = (): Task[] => fixtureList('tasks.json').map(MAPPERS.task);
const byName = (name: string): SwarmNode => nodes().find((n) => n.hostname === name) ?? assert.fail(name);

describe('placement (SwarmKit NodeMatches)', () => {
  const node3 = byName('node3'); // worker, label fx=yes, 10.77.0.3, linux/x86_64
  it('attributes, case-insensitive values, case-sensitive label names, missing labels as ""', () => {
    assert.equal(meetsConstraint(node3, 'node.role==worker'), true);
    assert.equal(meetsConstraint(node3, 'node.role == WORKER'), true);
    assert.equal(meetsConstraint(node3, 'NODE.HOSTNAME==node3'), true);
    assert.equal(meetsConstraint(node3, 'node.role!=worker'), false);
    assert.equal(meetsConstraint(node3, `node.id==${node3.id}`), true);
    assert.equal(meetsConstraint(node3, 'node.labels.fx==YES'), true);
    assert.equal(meetsConstraint(node3, 'node.labels.FX==yes'), false, 'label names are case-sensitive');
    assert.equal(meetsConstraint(node3, 'node.labels.zone!=eu'), true, 'a missing label is "", so != matches');
    assert.equal(meetsConstraint(node3, 'node.labels.zone==eu'), false);
    assert.equal(meetsConstraint(node3, 'node.platform.os==linux'), true);
    assert.equal(meetsConstraint(node3, 'engine.labels.x!=1'), true);
  });
  it('node.ip takes an address or a CIDR; a malformed one and an unknown attribute match no node', () => {
    assert.equal(meetsConstraint(node3, 'node.ip==10.77.0.3'), true);
    assert.equal(meetsConstraint(node3, 'node.ip==10.77.0.0/24'), true);
    assert.equal(meetsConstraint(node3, 'node.ip!=10.77.0.0/24'), false);
    assert.equal(meetsConstraint(node3, 'node.ip==10.78.0.0/16'), false);
    assert.equal(meetsConstraint(node3, 'node.ip==10.77.0.0/33'), false);
    assert.equal(meetsConstraint(node3, 'node.ip!=not-an-ip/8'), false);
    assert.equal(meetsConstraint(node3, 'node.colour==red'), false);
    assert.equal(meetsConstraint(node3, 'node.colour!=red'), false);
    assert.equal(meetsConstraints(node3, ['node.role==worker', 'node.labels.fx==yes']), true);
    assert.equal(meetsConstraints(node3, ['node.role==worker', 'node.labels.fx==no']), false);
  });
});

describe('drain impact', () => {
  it('on the captured swarm: node3 runs fx_web.2 (rescheduled on node2, the other worker) and a global task (stops)', () => {
    const impact = drainImpact(byName('node3'), services(), tasks(), nodes());
    assert.equal(impact.moving.length, 1);
    assert.equal(impact.stopping.length, 1);
    assert.deepEqual(impact.stranded, []);
    assert.equal(describeDrainImpact(impact), '1 running task of 1 service will be rescheduled; 1 global task will stop');
  });
  it('a task no other active node can take is named with the constraint', () => {
    const others = nodes().map((n) => (n.hostname === 'node2' ? { ...n, availability: 'drain' as const } : n));
    const impact = drainImpact(byName('node3'), services(), tasks(), others);
    assert.equal(impact.stranded.length, 1);
    assert.match(impact.stranded[0]?.reason ?? '', /^fx_web\.2: no other active node meets node\.role != manager$/);
    assert.match(describeDrainImpact(impact), /1 task cannot run elsewhere and will stay pending/);
  });
  it('a node without tasks: nothing moves', () => {
    assert.equal(describeDrainImpact(drainImpact(byName('node2'), services(), [], nodes())), 'no task runs there, nothing moves');
  });
});

function managers(m: number, reachable = m, workers = 1): SwarmNode[] {
  const base = byName('node1');
  return [
    ...Array.from({ length: m }, (_, i) => ({ ...base, id: `m${i}`, hostname: `m${i}`, state: i < reachable ? 'ready' as const : 'down' as const,
      managerStatus: { leader: i === 0, reachability: i < reachable ? 'reachable' as const : 'unreachable' as const, addr: '' } })),
    ...Array.from({ length: workers }, (_, i) => ({ ...base, id: `w${i}`, hostname: `w${i}`, role: 'worker' as const, managerStatus: undefined })),
  ];
}

describe('quorum guard', () => {
  it('refuses to demote the last manager, plainly', () => {
    const [only] = managers(1);
    const v = demoteGuard(only ?? assert.fail(), managers(1));
    assert.equal(v.kind, 'refuse');
    assert.match(v.kind === 'refuse' ? v.reason : '', /m0 is the only manager: a swarm needs at least one manager/);
  });
  it('3 → 2 is allowed with a warning that 2 tolerate no failure; 2 → 1 needs none (2 tolerated none)', () => {
    const three = managers(3);
    const v = demoteGuard(three[2] ?? assert.fail(), three);
    assert.ok(v.kind === 'allow');
    assert.equal(v.numbers, 'Managers: 3 → 2 (majority 2; 2 managers tolerate 0 failures, 3 tolerated 1).');
    assert.match(v.warning ?? '', /2 managers tolerate no failure/);
    const two = managers(2);
    const w = demoteGuard(two[1] ?? assert.fail(), two);
    assert.ok(w.kind === 'allow' && w.warning === undefined);
  });
  it('5 → 4 warns of the even count; 4 → 3 does not', () => {
    const five = managers(5);
    const v = demoteGuard(five[4] ?? assert.fail(), five);
    assert.ok(v.kind === 'allow');
    assert.match(v.warning ?? '', /4 managers tolerate 1 failure, no more than 3 do/);
    const four = managers(4);
    assert.equal((demoteGuard(four[3] ?? assert.fail(), four) as { warning?: string }).warning, undefined);
  });
  it('refuses a demotion that breaks quorum (3 managers, 1 unreachable: demoting a reachable one leaves 1 of 2)', () => {
    const nodesNow = managers(3, 2);
    const v = demoteGuard(nodesNow[1] ?? assert.fail(), nodesNow);
    assert.equal(v.kind, 'refuse');
    assert.match(v.kind === 'refuse' ? v.reason : '', /leave 1 reachable of 2 managers, fewer than the majority of 2/);
    // Demoting the unreachable one keeps 2 of 2.
    assert.equal(demoteGuard(nodesNow[2] ?? assert.fail(), nodesNow).kind, 'allow');
  });
  it('promote: 1 → 2 warns (no tolerance), 2 → 3 does not, 3 → 4 warns (even); a worker is not demoted, a manager not promoted', () => {
    const one = managers(1);
    const worker = one[1] ?? assert.fail();
    assert.match((promoteGuard(worker, one) as { warning?: string }).warning ?? '', /2 managers tolerate no failure/);
    const two = managers(2);
    assert.equal((promoteGuard(two[2] ?? assert.fail(), two) as { warning?: string }).warning, undefined);
    const three = managers(3);
    assert.match((promoteGuard(three[3] ?? assert.fail(), three) as { warning?: string }).warning ?? '', /4 managers tolerate 1 failure/);
    assert.equal(demoteGuard(worker, one).kind, 'refuse');
    assert.equal(promoteGuard(one[0] ?? assert.fail(), one).kind, 'refuse');
  });
});

describe('failing attempts of a rollout', () => {
  const web = services().find((s) => s.name === 'fx_web') ?? assert.fail();
  const failed = (slot: number, i: number): Task => ({ ...(tasks()[0] ?? assert.fail()), id: `f${slot}-${i}`, serviceId: web.id, slot, nodeId: byName('node2').id,
    state: 'failed', desiredState: 'shutdown', error: 'task: non-zero exit (1)', specDigest: web.taskSpecDigest,
    createdAt: `2024-01-01T00:00:0${i}Z`, timestamp: `2024-01-01T00:00:0${i}Z` });
  it('counts failures of the current spec since the change, per slot; three in one slot is hopeless', () => {
    const since = Date.parse('2024-01-01T00:00:01Z');
    const two = failuresSince(web, [failed(1, 1), failed(1, 2), failed(2, 3), failed(3, 0)], since, (id) => nodes().find((n) => n.id === id)?.hostname);
    assert.equal(two.count, 3, 'the one before the change does not count');
    assert.equal(two.worst, 2);
    assert.equal(two.hopeless, false);
    assert.deepEqual(two.errors, ['fx_web.2 on node2: task: non-zero exit (1)', 'fx_web.1 on node2: task: non-zero exit (1)']);
    assert.equal(failuresSince(web, [failed(1, 1), failed(1, 2), failed(1, 3)], since, () => undefined).hopeless, true);
    const old = { ...failed(1, 4), specDigest: 'previous spec' };
    assert.equal(failuresSince(web, [old], since, () => undefined).count, 0, 'tasks of another spec do not count');
  });
});
