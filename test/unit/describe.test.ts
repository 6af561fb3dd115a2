import { strict as assert } from 'node:assert';
import type { Network, Service, SwarmNode, Task } from '../../src/domain/model';
import {
  age, describeConfig, describeGroup, describeNetwork, describeNode, describeSecret, describeService, describeStack,
  describeTask,
} from '../../src/ui/tree/describe';
import { shortImage, taskName } from '../../src/domain/names';
import { replicaCounts } from '../../src/domain/replicas';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString();

const node = (o: Partial<SwarmNode> = {}): SwarmNode => ({
  id: 'n1xxxxxxxxxxxxxxxx', version: 1, hostname: 'node1', role: 'worker', availability: 'active', state: 'ready',
  addr: '10.0.0.1', message: '', labels: {}, engineLabels: {}, engineVersion: '27.0.0', platform: 'linux/x86_64',
  nanoCpus: 2e9, memoryBytes: 2 ** 31, ...o,
});

const service = (o: Partial<Service> = {}): Service => ({
  id: 's1', version: 1, name: 'web', image: 'local/busybox:1@sha256:0123abcd', mode: { kind: 'replicated', replicas: 3 },
  labels: {}, hasPreviousSpec: false, ports: [], networkIds: [], secretNames: [], configNames: [], constraints: [], taskSpecDigest: 'spec1',
  createdAt: ago(3600), updatedAt: ago(600), ...o,
});

let seq = 0;
const task = (o: Partial<Task> = {}): Task => ({
  id: `t${++seq}`, version: 1, serviceId: 's1', nodeId: 'n2xxxxxxxxxxxxxxxx', slot: 1, image: 'busybox:1', state: 'running',
  desiredState: 'running', message: 'started', specDigest: 'spec1', timestamp: ago(300), createdAt: ago(310), ...o,
});

const network = (o: Partial<Network> = {}): Network => ({
  id: 'w1', version: 0, name: 'app', driver: 'overlay', scope: 'swarm', attachable: true, ingress: false, internal: false,
  labels: {}, subnets: ['10.0.1.0/24'], createdAt: ago(86400), ...o,
});

describe('describe', () => {
  it('formats ages and images', () => {
    assert.equal(age(ago(42), NOW), '42s');
    assert.equal(age(ago(300), NOW), '5m');
    assert.equal(age(ago(5 * 3600), NOW), '5h');
    assert.equal(age(ago(3 * 86400), NOW), '3d');
    assert.equal(age('0001-01-01T00:00:00Z', NOW), '');
    assert.equal(age(undefined, NOW), '');
    assert.equal(age(ago(-10), NOW), '0s');
    assert.equal(shortImage('busybox:1@sha256:abc'), 'busybox:1');
    assert.equal(shortImage('registry:5000/app:2'), 'registry:5000/app:2');
  });

  it('describes groups and stacks', () => {
    assert.equal(describeGroup('nodes', 3, false).label, 'Nodes');
    assert.equal(describeGroup('nodes', 3, false).description, '3');
    assert.equal(describeGroup('secrets', 2, true).description, '2 (stale)');
    assert.equal(describeStack('shop', 1).description, '1 service');
    assert.equal(describeStack('shop', 4).description, '4 services');
  });

  it('describes nodes like `docker node ls`', () => {
    const leader = node({ role: 'manager', managerStatus: { leader: true, reachability: 'reachable', addr: '10.0.0.1:2377' } });
    assert.equal(describeNode(leader).label, 'node1');
    assert.equal(describeNode(leader).description, 'manager · Leader · active · ready');
    const follower = node({ role: 'manager', managerStatus: { leader: false, reachability: 'unreachable', addr: '' }, state: 'down' });
    assert.equal(describeNode(follower).description, 'manager · Unreachable · active · down');
    assert.equal(describeNode(follower).icon.color, 'list.errorForeground');
    assert.equal(describeNode(node({ availability: 'drain' })).description, 'worker · drain · ready');
    assert.equal(describeNode(node({ hostname: '' })).label, 'n1xxxxxxxxxx');
    assert.match(describeNode(node({ labels: { zone: 'a' } })).tooltip(), /zone=a/);
  });

  it('counts replicas from tasks meant to run that run', () => {
    const tasks = [task(), task({ slot: 2 }), task({ slot: 3, state: 'starting' }), task({ slot: 1, state: 'running', desiredState: 'shutdown' })];
    assert.deepEqual(replicaCounts(service(), tasks), { running: 2, desired: 3, completed: 0 });
    assert.deepEqual(replicaCounts(service({ mode: { kind: 'global' } }), tasks), { running: 2, desired: 3, completed: 0 });
  });

  it('describes services: replicas, image, update state', () => {
    const tasks = [task(), task({ slot: 2 }), task({ slot: 3 })];
    assert.equal(describeService(service(), tasks).description, '3/3 · local/busybox:1');
    assert.equal(describeService(service(), tasks).label, 'web');
    assert.equal(describeService(service({ updateStatus: { state: 'updating', message: 'update in progress' } }), tasks).description,
      '3/3 · local/busybox:1 · updating');
    assert.equal(describeService(service({ updateStatus: { state: 'completed', message: '' } }), tasks).description,
      '3/3 · local/busybox:1');
    assert.equal(describeService(service({ updateStatus: { state: 'rollback_started', message: '' } }), tasks).icon.id, 'sync~spin');
    assert.equal(describeService(service({ mode: { kind: 'global' } }), tasks.slice(0, 2)).description, '2/2 (global) · local/busybox:1');
    assert.equal(describeService(service(), []).icon.id, 'error');
    assert.equal(describeService(service(), tasks.slice(0, 1)).icon.id, 'warning');
    const job = service({ mode: { kind: 'replicated-job', maxConcurrent: 1, totalCompletions: 3 } });
    const jobTasks = [task({ state: 'complete', desiredState: 'complete' }), task({ desiredState: 'complete' })];
    assert.equal(describeService(job, jobTasks).description, '1/3 completed (1 running) · local/busybox:1');
  });

  it('describes tasks: state, node, age, error', () => {
    assert.equal(taskName(task(), 'web'), 'web.1');
    assert.equal(taskName(task({ slot: undefined }), 'web'), 'web.n2xxxxxxxxxx');
    const t = task();
    assert.equal(describeTask(t, { serviceName: 'web', nodeName: 'node2', now: NOW }).description, 'running on node2 · 5m');
    const failed = task({ state: 'failed', desiredState: 'shutdown', error: 'task: non-zero exit (1)', exitCode: 1 });
    const p = describeTask(failed, { serviceName: 'web', nodeName: 'node2', now: NOW });
    assert.equal(p.description, 'failed on node2 · 5m · task: non-zero exit (1)');
    assert.match(p.tooltip(), /Exit code: 1/);
    assert.equal(p.icon.id, 'error');
    const pending = task({ state: 'pending', nodeId: undefined, error: 'no suitable node' });
    assert.equal(describeTask(pending, { serviceName: 'web', now: NOW }).description, 'pending · 5m · no suitable node');
    const ending = task({ desiredState: 'shutdown' });
    assert.equal(describeTask(ending, { nodeName: 'node2', now: NOW }).description, 'running → shutdown on node2 · 5m');
  });

  it('describes secrets, configs and networks', () => {
    const stored = { id: 'x', version: 1, name: 'db_password', labels: {}, createdAt: ago(2 * 86400), updatedAt: ago(2 * 86400) };
    assert.deepEqual([describeSecret(stored, NOW).label, describeSecret(stored, NOW).description], ['db_password', 'created 2d ago']);
    assert.equal(describeConfig({ ...stored, name: 'nginx.conf' }, NOW).label, 'nginx.conf');
    assert.equal(describeNetwork(network()).description, 'overlay · attachable · 10.0.1.0/24');
    assert.equal(describeNetwork(network({ name: 'ingress', ingress: true, attachable: false, subnets: ['10.0.0.0/24'] })).description,
      'overlay · ingress · 10.0.0.0/24');
    assert.equal(describeNetwork(network({ driver: 'bridge', scope: 'local', attachable: false, subnets: [] })).description, 'bridge · local');
  });
});
