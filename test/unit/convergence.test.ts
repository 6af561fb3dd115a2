import assert from 'node:assert/strict';
import { backoffMs } from '../../src/domain/backoff';
import { ConvergenceTracker, isConverging, serviceIsConverging } from '../../src/domain/convergence';
import { replicaCounts } from '../../src/domain/replicas';
import type { Service, Task } from '../../src/domain/model';
import { MAPPERS } from '../../src/docker/mappers';
import { fixtureList } from '../support/fixtures';

const services = fixtureList('services.json').map(MAPPERS.service);
const tasks = fixtureList('tasks.json').map(MAPPERS.task);
const web = services.find((s) => s.name === 'fx_web') as Service;
const glob = services.find((s) => s.name === 'fx-global') as Service;

describe('convergence', () => {
  it('counts running vs desired like `docker service ls` (captured: 2/3, one replica unplaceable)', () => {
    assert.deepEqual(replicaCounts(web, tasks), { running: 2, desired: 3, completed: 0 });
    assert.deepEqual(replicaCounts(glob, tasks), { running: 3, desired: 3, completed: 0 });
  });

  it('a service with a pending replica is converging; a steady global one is not', () => {
    assert.equal(serviceIsConverging(web, tasks), true);
    assert.equal(serviceIsConverging(glob, tasks), false);
    assert.equal(isConverging(services, tasks), true);
    assert.equal(isConverging([glob], tasks), false);
    assert.equal(isConverging([], tasks), false);
  });

  it('an update or rollback in progress is converging; completed is not', () => {
    const steadyTasks = tasks.filter((t) => t.state !== 'pending');
    const two: Service = { ...web, mode: { kind: 'replicated', replicas: 2 } };
    assert.equal(serviceIsConverging(two, steadyTasks), false);
    for (const state of ['updating', 'rollback_started'] as const) {
      assert.equal(serviceIsConverging({ ...two, updateStatus: { state, message: '' } }, steadyTasks), true);
    }
    for (const state of ['completed', 'paused', 'rollback_completed'] as const) {
      assert.equal(serviceIsConverging({ ...two, updateStatus: { state, message: '' } }, steadyTasks), false);
    }
  });

  it('a task still running with desired state shutdown is stopping: converging', () => {
    const t = tasks.find((x) => x.serviceId === glob.id && x.state === 'running') as Task;
    const stopping: Task = { ...t, desiredState: 'shutdown' };
    assert.equal(serviceIsConverging(glob, [...tasks.filter((x) => x.id !== t.id), stopping]), true);
  });
});

describe('ConvergenceTracker: convergence with a cap', () => {
  const T = 1_800_000_000_000;
  it('a service none of whose tasks changed for the threshold is stuck, with the scheduler\'s reason; a change makes it move again', () => {
    const t = new ConvergenceTracker(30_000);
    assert.deepEqual(t.update([web, glob], tasks, T), []);
    assert.deepEqual([t.get(web.id).state, t.get(glob.id).state, t.anyMoving()], ['converging', 'steady', true]);
    assert.deepEqual(t.update([web, glob], tasks, T + 29_999), []);
    assert.deepEqual(t.update([web, glob], tasks, T + 30_000), [web.id], 'announced once it flips');
    const c = t.get(web.id);
    assert.ok(c.state === 'stuck');
    assert.equal(c.reason, 'pending: no suitable node (host-mode port already in use on 2 nodes; scheduling constraints not satisfied on 1 node)');
    assert.equal(t.anyMoving(), false, 'no longer holds the fast period');
    const moved = tasks.map((x) => (x.state === 'pending' ? { ...x, state: 'assigned' as const } : x));
    assert.deepEqual(t.update([web, glob], moved, T + 31_000), [web.id]);
    assert.equal(t.get(web.id).state, 'converging');
  });

  it('a rollout\'s delay and monitor between batches do not count as a lack of progress', () => {
    const policy = { parallelism: 1, delayNs: 60e9, failureAction: 'pause' as const, monitorNs: 5e9, maxFailureRatio: 0, order: 'stop-first' as const };
    const rolling: Service = { ...web, updateStatus: { state: 'updating', message: '' }, updateConfig: policy };
    const t = new ConvergenceTracker(30_000);
    t.update([rolling], tasks, T);
    t.update([rolling], tasks, T + 90_000);
    assert.equal(t.get(rolling.id).state, 'converging', '90 s < 30 s + 60 s delay + 5 s monitor');
    t.update([rolling], tasks, T + 95_000);
    assert.equal(t.get(rolling.id).state, 'stuck');
  });
});

describe('backoff', () => {
  it('doubles from the base and caps at the max', () => {
    const o = { baseMs: 250, maxMs: 8000 };
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 50].map((a) => backoffMs(a, o)), [250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
    assert.equal(backoffMs(-1, o), 250);
  });
});
