import assert from 'node:assert/strict';
import { MAPPERS, toSwarmInfo } from '../../src/docker/mappers';
import { fixture, fixtureList } from '../support/fixtures';

describe('Engine JSON mappers (fixtures captured from a real swarm)', () => {
  it('maps nodes: roles, leader, availability, state', () => {
    const nodes = fixtureList('nodes.json').map(MAPPERS.node);
    assert.equal(nodes.length, 3);
    const managers = nodes.filter((n) => n.role === 'manager');
    assert.equal(managers.length, 1);
    assert.equal(managers[0]?.managerStatus?.leader, true);
    assert.equal(managers[0]?.managerStatus?.reachability, 'reachable');
    for (const n of nodes) {
      assert.match(n.hostname, /^node\d$/);
      assert.equal(n.state, 'ready');
      assert.equal(n.availability, 'active');
      assert.ok(n.version > 0);
      assert.match(n.platform, /^linux\//);
    }
    assert.ok(nodes.filter((n) => n.role === 'worker').every((n) => n.managerStatus === undefined));
  });

  it('maps a replicated stack service with its policy, ports, refs and update history', () => {
    const services = fixtureList('services.json').map(MAPPERS.service);
    const web = services.find((s) => s.name === 'fx_web');
    assert.ok(web);
    assert.deepEqual(web.mode, { kind: 'replicated', replicas: 3 });
    assert.equal(web.stack, 'fx');
    assert.equal(web.image, 'local/busybox:2');
    assert.equal(web.updateStatus, undefined, 'a scale (an update of Mode only) clears UpdateStatus');
    assert.equal(web.hasPreviousSpec, true);
    assert.deepEqual(web.updateConfig, { parallelism: 1, delayNs: 1e9, failureAction: 'rollback', monitorNs: 2e9, maxFailureRatio: 0, order: 'stop-first' });
    assert.deepEqual(web.ports, [{ protocol: 'tcp', targetPort: 80, publishedPort: 18080, publishMode: 'host' }]);
    assert.deepEqual(web.secretNames, ['fx-secret']);
    assert.deepEqual(web.configNames, ['fx-config']);
    assert.deepEqual(web.constraints, ['node.role != manager']);
    assert.equal(web.networkIds.length, 1);
    assert.ok(web.status && web.status.desired === 3);
  });

  it('maps UpdateStatus of a completed update and of an automatic rollback', () => {
    const updated = fixtureList('services-updated.json').map(MAPPERS.service).find((s) => s.name === 'fx_web');
    assert.equal(updated?.updateStatus?.state, 'completed');
    assert.ok(updated?.updateStatus?.startedAt && updated.updateStatus.completedAt);
    const failed = fixtureList('services-rolled-back.json').map(MAPPERS.service).find((s) => s.name === 'fx-fail');
    assert.equal(failed?.updateStatus?.state, 'rollback_completed');
    assert.equal(failed?.updateStatus?.message, 'rollback completed');
    assert.equal(failed?.image, 'local/busybox:1', 'back on the previous spec');
    assert.equal(failed?.hasPreviousSpec, false, 'after a rollback there is nothing further back to go to');
    const tasks = fixtureList('tasks-rolled-back.json').map(MAPPERS.task);
    assert.ok(tasks.some((t) => t.image === 'local/busybox:fail' && t.state === 'failed' && t.error === 'task: non-zero exit (1)'));
  });

  it('maps a global service without replicas or stack', () => {
    const glob = fixtureList('services.json').map(MAPPERS.service).find((s) => s.name === 'fx-global');
    assert.ok(glob);
    assert.deepEqual(glob.mode, { kind: 'global' });
    assert.equal(glob.stack, undefined);
    assert.equal(glob.hasPreviousSpec, false);
    assert.equal(glob.updateStatus, undefined);
  });

  it('maps tasks with slots, nodes, states and containers', () => {
    const tasks = fixtureList('tasks.json').map(MAPPERS.task);
    const services = fixtureList('services.json').map(MAPPERS.service);
    const web = services.find((s) => s.name === 'fx_web');
    const webTasks = tasks.filter((t) => t.serviceId === web?.id);
    assert.ok(webTasks.length >= 3);
    const running = webTasks.filter((t) => t.state === 'running');
    assert.equal(running.length, 2);
    assert.ok(running.every((t) => t.slot !== undefined && t.nodeId !== undefined && t.image.startsWith('local/busybox:2')));
    assert.ok(webTasks.some((t) => t.desiredState === 'shutdown'), 'the update left shut-down tasks of the old spec');
    const pending = webTasks.find((t) => t.state === 'pending');
    assert.ok(pending && pending.nodeId === undefined && /host-mode port already in use/.test(pending.error ?? ''),
      'the third replica cannot be placed: 2 workers, one host-mode port');
    assert.ok(tasks.filter((t) => t.serviceId !== web?.id).every((t) => t.slot === undefined), 'global tasks have no slot');
  });

  it('maps secrets, configs and swarm networks', () => {
    const [secret] = fixtureList('secrets.json').map(MAPPERS.secret);
    assert.equal(secret?.name, 'fx-secret');
    assert.deepEqual(secret?.labels, { fx: '1' });
    const [config] = fixtureList('configs.json').map(MAPPERS.config);
    assert.equal(config?.name, 'fx-config');
    const networks = fixtureList('networks.json').map(MAPPERS.network);
    const net = networks.find((n) => n.name === 'fx-net');
    assert.ok(net && net.driver === 'overlay' && net.attachable && net.scope === 'swarm' && net.subnets.length === 1);
    assert.ok(networks.some((n) => n.ingress));
  });

  it('maps /info of a manager and of a worker', () => {
    const m = toSwarmInfo(fixture('info-manager.json'));
    assert.equal(m.localNodeState, 'active');
    assert.equal(m.controlAvailable, true);
    assert.equal(m.nodes, 3);
    assert.equal(m.managers, 1);
    const w = toSwarmInfo(fixture('info-worker.json'));
    assert.equal(w.localNodeState, 'active');
    assert.equal(w.controlAvailable, false);
  });

  it('never throws on garbage', () => {
    for (const map of Object.values(MAPPERS)) {
      for (const junk of [null, 42, 'x', [], {}, { Spec: 7 }]) assert.doesNotThrow(() => map(junk));
    }
  });
});
