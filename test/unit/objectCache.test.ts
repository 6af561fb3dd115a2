import assert from 'node:assert/strict';
import { ObjectCache } from '../../src/store/objectCache';
import { MAPPERS } from '../../src/docker/mappers';
import { fixtureList } from '../support/fixtures';

describe('ObjectCache', () => {
  const nodes = fixtureList('nodes.json').map(MAPPERS.node);
  const networks = fixtureList('networks.json').map(MAPPERS.network);

  it('reports added, then nothing for the same versions, then updated and removed', () => {
    const c = new ObjectCache();
    assert.deepEqual(c.replaceAll('node', nodes).added.length, 3);
    assert.deepEqual(c.replaceAll('node', nodes), { kind: 'node', added: [], updated: [], removed: [] });
    const [a, b] = nodes;
    assert.ok(a && b);
    const changed = { ...a, version: a.version + 1, availability: 'drain' as const };
    assert.deepEqual(c.replaceAll('node', [changed, b]), { kind: 'node', added: [], updated: [a.id], removed: [nodes[2]?.id] });
    assert.equal(c.get('node', a.id)?.availability, 'drain');
  });

  it('a node\'s manager status changes without a new version (it comes from the Raft membership): still an update', () => {
    const c = new ObjectCache();
    const manager = nodes.find((n) => n.managerStatus);
    assert.ok(manager?.managerStatus);
    c.replaceAll('node', nodes);
    const unreachable = { ...manager, managerStatus: { ...manager.managerStatus, reachability: 'unreachable' as const } };
    assert.deepEqual(c.replaceAll('node', nodes.map((n) => (n.id === manager.id ? unreachable : n))).updated, [manager.id]);
    const promoted = nodes.find((n) => !n.managerStatus);
    assert.ok(promoted);
    const joined = { ...promoted, managerStatus: { leader: false, reachability: 'reachable' as const, addr: '10.0.0.9:2377' } };
    assert.deepEqual(c.replaceAll('node', nodes.map((n) => (n.id === promoted.id ? joined : n === manager ? unreachable : n))).updated, [promoted.id]);
  });

  it('compares unversioned objects (networks) by content', () => {
    const c = new ObjectCache();
    c.replaceAll('network', networks);
    const [n] = networks;
    assert.ok(n);
    assert.deepEqual(c.replaceAll('network', networks).updated, []);
    assert.deepEqual(c.replaceAll('network', [{ ...n, attachable: !n.attachable }, ...networks.slice(1)]).updated, [n.id]);
  });

  it('replaceWhere only touches objects in scope', () => {
    const c = new ObjectCache();
    const tasks = fixtureList('tasks.json').map(MAPPERS.task);
    c.replaceAll('task', tasks);
    const sid = tasks[0]?.serviceId as string;
    const change = c.replaceWhere('task', (t) => t.serviceId === sid, []);
    assert.equal(change.removed.length, tasks.filter((t) => t.serviceId === sid).length);
    assert.equal(c.size('task'), tasks.filter((t) => t.serviceId !== sid).length);
  });
});
