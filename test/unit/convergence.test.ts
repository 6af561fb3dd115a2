import assert from 'node:assert/strict';
import { backoffMs } from '../../src/domain/backoff';
import { isConverging, serviceIsConverging } from '../../src/domain/convergence';
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

describe('backoff', () => {
  it('doubles from the base and caps at the max', () => {
    const o = { baseMs: 250, maxMs: 8000 };
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 50].map((a) => backoffMs(a, o)), [250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
    assert.equal(backoffMs(-1, o), 250);
  });
});
