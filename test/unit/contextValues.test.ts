import { strict as assert } from 'node:assert';
import type { Network, Service, SwarmNode, Task } from '../../src/domain/model';
import {
  configContext, contextValue, groupContext, networkContext, nodeContext, secretContext, serviceContext, taskContext, token,
} from '../../src/ui/tree/contextValues';

const node = (o: Partial<SwarmNode> = {}): SwarmNode => ({
  id: 'n1', version: 1, hostname: 'node1', role: 'worker', availability: 'active', state: 'ready', addr: '10.0.0.1',
  message: '', labels: {}, engineLabels: {}, engineVersion: '27.0.0', platform: 'linux/x86_64', nanoCpus: 2e9,
  memoryBytes: 2 ** 31, ...o,
});

const service = (o: Partial<Service> = {}): Service => ({
  id: 's1', version: 1, name: 'web', image: 'busybox:1', mode: { kind: 'replicated', replicas: 3 }, labels: {},
  hasPreviousSpec: false, ports: [], networkIds: [], secretNames: [], configNames: [], constraints: [], taskSpecDigest: 'spec1',
  createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', ...o,
});

const task = (o: Partial<Task> = {}): Task => ({
  id: 't1', version: 1, serviceId: 's1', nodeId: 'n1', slot: 1, image: 'busybox:1', state: 'running', desiredState: 'running',
  message: 'started', specDigest: 'spec1', timestamp: '2024-01-01T00:00:00Z', createdAt: '2024-01-01T00:00:00Z', ...o,
});

const network = (o: Partial<Network> = {}): Network => ({
  id: 'w1', version: 0, name: 'app', driver: 'overlay', scope: 'swarm', attachable: false, ingress: false, internal: false,
  labels: {}, subnets: ['10.0.1.0/24'], createdAt: '2024-01-01T00:00:00Z', ...o,
});

describe('contextValues', () => {
  it('joins the kind and the present tokens, sanitized', () => {
    assert.equal(contextValue('swarmTask', 'running', false, undefined, '', 'container'), 'swarmTask running container');
    assert.equal(token(' My Driver/x '), 'my_driver_x');
    assert.equal(token('weave.works-net'), 'weave_works_net');
    assert.equal(contextValue('swarmNetwork', '  '), 'swarmNetwork');
  });

  it('names groups', () => {
    assert.equal(groupContext('nodes'), 'swarmGroup nodes');
  });

  it('describes nodes: role, leadership, availability, state, self', () => {
    const leader = node({ role: 'manager', managerStatus: { leader: true, reachability: 'reachable', addr: '10.0.0.1:2377' } });
    assert.equal(nodeContext(leader), 'swarmNode manager leader active ready');
    assert.equal(nodeContext(leader, 'n1'), 'swarmNode manager leader active ready self');
    const follower = node({ role: 'manager', availability: 'drain', state: 'down',
      managerStatus: { leader: false, reachability: 'unreachable', addr: '' } });
    assert.equal(nodeContext(follower, 'other'), 'swarmNode manager unreachable drain down');
    assert.equal(nodeContext(node({ availability: 'pause' })), 'swarmNode worker pause ready');
  });

  it('describes services: mode, update state, rollback, stack', () => {
    assert.equal(serviceContext(service()), 'swarmService replicated');
    assert.equal(serviceContext(service({ mode: { kind: 'global' }, stack: 'shop', hasPreviousSpec: true,
      updateStatus: { state: 'rollback_started', message: '' } })), 'swarmService global rollback_started rollbackable stack');
    assert.equal(serviceContext(service({ mode: { kind: 'replicated-job', maxConcurrent: 1, totalCompletions: 3 }, stack: '' })),
      'swarmService replicated_job');
    assert.doesNotMatch(serviceContext(service({ mode: { kind: 'global-job' } })), /^swarmService\b.*\bglobal\b/);
  });

  it('describes tasks: state, current or history, container', () => {
    assert.equal(taskContext(task({ containerId: 'abc' })), 'swarmTask running current container');
    assert.equal(taskContext(task({ state: 'failed', desiredState: 'shutdown' })), 'swarmTask failed history');
    assert.equal(taskContext(task({ state: 'complete', desiredState: 'complete' })), 'swarmTask complete current');
  });

  it('describes secrets, configs and networks', () => {
    const stored = { id: 'x', version: 1, name: 'db', createdAt: '', updatedAt: '' };
    assert.equal(secretContext({ ...stored, labels: {} }), 'swarmSecret');
    assert.equal(configContext({ ...stored, labels: { 'com.docker.stack.namespace': 'shop' } }), 'swarmConfig stack');
    assert.equal(networkContext(network({ attachable: true })), 'swarmNetwork overlay swarm attachable');
    assert.equal(networkContext(network({ name: 'ingress', ingress: true })), 'swarmNetwork overlay swarm ingress');
  });

  it('can be matched with anchored when-clause regexes', () => {
    const ctx = nodeContext(node({ role: 'manager', managerStatus: { leader: true, reachability: 'reachable', addr: '' } }));
    assert.match(ctx, /^swarmNode\b.*\bleader\b/);
    assert.doesNotMatch(ctx, /^swarmNode\b.*\bworker\b/);
    assert.doesNotMatch(serviceContext(service()), /^swarmNode\b/);
  });
});
