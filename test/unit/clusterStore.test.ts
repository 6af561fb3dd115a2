import assert from 'node:assert/strict';
import { ClusterStore } from '../../src/store/clusterStore';
import type { ChangeBatch, ConnectionState } from '../../src/store/types';
import { FakeApi, until } from '../support/fakeApi';

const FAST = { coalesceMs: 10, backoffBaseMs: 10, backoffMaxMs: 40, fastTaskPollMs: 60_000, slowTaskPollMs: 60_000 };

describe('ClusterStore', () => {
  let api: FakeApi;
  let store: ClusterStore;
  let batches: ChangeBatch[];
  let states: ConnectionState['status'][];

  beforeEach(() => {
    api = new FakeApi();
    store = new ClusterStore(api, FAST);
    batches = [];
    states = [];
    store.onDidChange((b) => batches.push(b));
    store.onDidChangeConnection((s) => states.push(s.status));
  });
  afterEach(() => store.dispose());

  it('fills the cache with one list call per kind, after subscribing to events', async () => {
    store.start();
    await until('live', () => store.connection.status === 'live');
    assert.deepEqual(api.calls.slice(0, 3), ['ping', 'info', 'events']);
    assert.deepEqual(api.calls.slice(3).sort(), ['list config', 'list network', 'list node', 'list secret', 'list service', 'list task']);
    assert.equal(store.all('node').length, 3);
    assert.equal(store.all('task').length, api.data.task.length);
    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.resync, true);
    assert.deepEqual(states, ['connecting', 'live']);
    assert.equal(store.stale, false);
  });

  it('applies a burst of events as one targeted fetch per kind, with typed changes', async () => {
    store.start();
    await until('live', () => store.connection.status === 'live');
    api.calls = [];
    const web = api.data.service.find((s) => s.name === 'fx_web');
    assert.ok(web);
    api.data.service = api.data.service.map((s) => s.id === web.id ? { ...s, version: s.version + 1, mode: { kind: 'replicated', replicas: 5 } } : s);
    for (let i = 0; i < 5; i++) api.emit({ type: 'service', action: 'update', actorId: web.id });
    await until('change', () => batches.length === 2);
    assert.deepEqual(api.calls.sort(), [`list service ids=${web.id}`, `list task services=${web.id}`]);
    assert.deepEqual(batches[1]?.changes, [{ kind: 'service', added: [], updated: [web.id], removed: [] }]);
    assert.deepEqual(store.get('service', web.id)?.mode, { kind: 'replicated', replicas: 5 });
    assert.equal(store.stats.fullLists.service, 1);
    assert.equal(store.stats.partialLists.service, 1);
    assert.equal(store.stats.events, 5);
  });

  it('a removed service takes its tasks with it', async () => {
    store.start();
    await until('live', () => store.connection.status === 'live');
    const web = store.all('service').find((s) => s.name === 'fx_web');
    assert.ok(web);
    api.data.service = api.data.service.filter((s) => s.id !== web.id);
    api.emit({ type: 'service', action: 'remove', actorId: web.id });
    await until('change', () => batches.length === 2);
    assert.equal(store.get('service', web.id), undefined);
    assert.equal(store.all('task').filter((t) => t.serviceId === web.id).length, 0);
    assert.deepEqual(batches[1]?.changes.map((c) => c.kind), ['service', 'task']);
  });

  it('marks data stale when the stream is lost, keeps it, reconnects with backoff and resyncs', async () => {
    store.start();
    await until('live', () => store.connection.status === 'live');
    const nodes = store.all('node').length;
    api.down();
    await until('stale', () => store.connection.status === 'stale');
    const s = store.connection;
    assert.ok(s.status === 'stale' && s.error.kind === 'unreachable' && s.error.message.includes('unix:///fake.sock'));
    assert.equal(store.all('node').length, nodes, 'last known data is kept');
    await new Promise((r) => setTimeout(r, 100)); // a few failed attempts
    assert.equal(store.connection.status, 'stale');
    api.data.secret = [];
    api.up();
    await until('live again', () => store.connection.status === 'live', 3000);
    assert.equal(store.stats.resyncs, 2);
    assert.equal(store.stats.reconnects, 1);
    assert.equal(store.all('secret').length, 0, 'resync saw the change made while disconnected');
    assert.ok(batches.at(-1)?.resync);
  });

  it('says why it cannot serve a worker, and keeps retrying', async () => {
    api.infoValue = { ...api.infoValue, controlAvailable: false };
    store.start();
    await until('stale', () => store.connection.status === 'stale');
    const s = store.connection;
    assert.ok(s.status === 'stale');
    assert.equal(s.error.kind, 'worker');
    assert.match(s.error.hint, /manager/);
    assert.ok(!api.calls.includes('events'));
  });

  it('re-lists tasks on the fast period while a service converges, the slow one otherwise', async () => {
    // The fixture is really converging: fx_web's third replica is pending (no node can take its host-mode port).
    store = new ClusterStore(api, { ...FAST, fastTaskPollMs: 20, slowTaskPollMs: 60_000 });
    store.start();
    await until('live', () => store.connection.status === 'live');
    await until('3 task lists', () => store.stats.fullLists.task >= 3);
    const web = api.data.service.find((s) => s.name === 'fx_web');
    assert.ok(web);
    api.data.service = api.data.service.map((s) => s.id === web.id ? { ...s, version: s.version + 1, mode: { kind: 'replicated', replicas: 2 } } : s);
    api.data.task = api.data.task.filter((t) => t.state !== 'pending');
    api.emit({ type: 'service', action: 'update', actorId: web.id });
    await until('steady', () => !store.all('task').some((t) => t.state === 'pending'));
    await new Promise((r) => setTimeout(r, 50));
    const n = store.stats.fullLists.task;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(store.stats.fullLists.task, n, 'steady: slow period');
  });

  it('refresh() resyncs when live and reports the error when it cannot connect', async () => {
    store.start();
    await until('live', () => store.connection.status === 'live');
    await store.refresh();
    assert.equal(store.stats.resyncs, 2);
    api.down();
    await until('stale', () => store.connection.status === 'stale');
    await assert.rejects(store.refresh(), /not reachable/);
  });

  it('dispose stops everything', async () => {
    store.start();
    await until('live', () => store.connection.status === 'live');
    store.dispose();
    assert.equal(store.connection.status, 'stopped');
    assert.equal(api.handlers, undefined);
  });
});

describe('ClusterStore and objects the Engine still lists after announcing their removal', () => {
  // Seen on the lab: `docker stack rm` removes an overlay network, the manager emits `network remove`,
  // yet lists the network for ~4–6 s more while its containers are torn down.
  it('a network removed by event stays removed even when a fetch in the same window still lists it', async () => {
    const api = new FakeApi();
    const store = new ClusterStore(api, FAST);
    try {
      store.start();
      await until('live', () => store.connection.status === 'live');
      const net = api.data.network.find((n) => !n.ingress);
      assert.ok(net, 'the fixtures have a non-ingress network');
      // The remove event, with an update of the same network in the same burst (a fetch by id), and
      // a full re-list: the fake Engine still lists the network, as the manager does.
      api.emit({ type: 'network', action: 'update', actorId: net.id });
      api.emit({ type: 'network', action: 'remove', actorId: net.id });
      await until('removed from the store', () => store.get('network', net.id) === undefined);
      await store.refresh();
      assert.equal(store.get('network', net.id), undefined, 'not put back by the full listing inside the window');
    } finally {
      store.dispose();
    }
  });
});
