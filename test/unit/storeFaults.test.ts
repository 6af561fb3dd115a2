// The store under faults, at unit level: each test reproduces a defect the store had (issue 7) with
// the fake port, and holds the store to what it must do instead. The same faults against the real
// engine, through a TCP proxy, are in test/integration/faults.test.ts.
import assert from 'node:assert/strict';
import { ClusterStore, type StoreOptions } from '../../src/store/clusterStore';
import type { ChangeBatch, ConnectionState } from '../../src/store/types';
import { FakeApi, refused, until } from '../support/fakeApi';

const FAST: Partial<StoreOptions> = { coalesceMs: 5, backoffBaseMs: 10, backoffMaxMs: 40, fastTaskPollMs: 60_000, slowTaskPollMs: 60_000, streamCheckMs: 60_000 };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('ClusterStore under faults', () => {
  const stores: ClusterStore[] = [];
  const apis: FakeApi[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) s.dispose();
    for (const a of apis.splice(0)) a.dispose();
  });

  function make(options: Partial<StoreOptions> = {}, api = new FakeApi(), alternates: FakeApi[] = [], now?: () => number) {
    apis.push(api, ...alternates);
    const store = new ClusterStore(api, { ...FAST, ...options }, () => alternates, now);
    stores.push(store);
    const batches: ChangeBatch[] = [];
    const states: ConnectionState[] = [];
    store.onDidChange((b) => batches.push(b));
    store.onDidChangeConnection((s) => states.push(s));
    return { api, store, batches, states };
  }

  const live = (store: ClusterStore, ms = 2000) => until('live', () => store.connection.status === 'live', ms);
  const web = (api: FakeApi) => {
    const s = api.data.service.find((x) => x.name === 'fx_web');
    assert.ok(s);
    return s;
  };
  /** The service changes on the daemon (a scale to `replicas`) and says so on the stream. */
  function scale(api: FakeApi, replicas: number): string {
    const { id } = web(api);
    api.data.service = api.data.service.map((s) => s.id === id ? { ...s, version: s.version + 1, mode: { kind: 'replicated', replicas } } : s);
    api.emit({ type: 'service', action: 'update', actorId: id });
    return id;
  }
  const replicasOf = (store: ClusterStore, id: string) => {
    const m = store.get('service', id)?.mode;
    return m?.kind === 'replicated' ? m.replicas : undefined;
  };

  it('a call that hangs does not wedge the store: at its deadline the data is stale, then it recovers by itself', async () => {
    const { api, store } = make();
    store.start();
    await live(store);
    api.deadlineMs = 100;
    api.hang = (c) => c.startsWith('list service');
    const id = scale(api, 7);
    await until('stale at the deadline', () => store.connection.status === 'stale', 1000);
    assert.equal(replicasOf(store, id), 3, 'nothing half-applied');
    api.hang = () => false;
    await live(store);
    assert.equal(replicasOf(store, id), 7, 'the resync applied what the hung call missed');
  });

  it('a stuck call is abandoned when the stream drops: the resync does not wait behind it', async () => {
    const { api, store } = make();
    store.start();
    await live(store);
    api.hang = (c) => c.startsWith('list service'); // never answers within this test (deadline 60 s)
    scale(api, 7);
    await until('the fetch is in flight', () => api.calls.some((c) => c.startsWith('list service ids=')));
    api.down();
    api.hang = () => false;
    api.up();
    await live(store, 1500);
    assert.equal(replicasOf(store, web(api).id), 7);
  });

  it('a failed event-driven fetch is retried, and its plan writes all of its kinds or none', async () => {
    const { api, store, batches } = make();
    store.start();
    await live(store);
    const { id } = web(api);
    api.failures.push({ match: (c) => c.startsWith('list task services='), error: refused() });
    scale(api, 5);
    await until('the service change announced', () => batches.some((b) => b.changes.some((c) => c.kind === 'service' && c.updated.includes(id))));
    assert.equal(replicasOf(store, id), 5);
    assert.equal(store.stats.fetchFailures, 1);
    assert.equal(store.connection.status, 'live', 'one failure is retried, not a disconnection');
    // The retry fetched both kinds of the plan again.
    assert.equal(api.calls.filter((c) => c === `list service ids=${id}`).length, 2);
  });

  it('past a few failed fetches in a row the data is marked stale and a resync runs', async () => {
    const { api, store, states } = make({ maxFetchFailures: 3 });
    store.start();
    await live(store);
    const before = store.stats.resyncs;
    for (let i = 0; i < 3; i++) api.failures.push({ match: (c) => c.startsWith('list service ids='), error: refused() });
    const id = scale(api, 6);
    await until('stale', () => states.some((s) => s.status === 'stale'));
    await live(store);
    assert.equal(replicasOf(store, id), 6);
    assert.ok(store.stats.resyncs > before);
  });

  it('backoff grows across a flapping stream and starts over only once a connection stayed up', async () => {
    // The stream dies right after each connect. The old store reset its backoff on every connect:
    // one resync per base delay (12 resyncs and 72 list calls in 3 s at the defaults).
    const { api, store } = make({ backoffBaseMs: 25, backoffMaxMs: 800, stableAfterMs: 10_000 });
    api.streamEndsAtOnce = true;
    store.start();
    await sleep(320);
    assert.ok(store.stats.resyncs <= 5, `${store.stats.resyncs} resyncs in 320 ms`);
    const s = store.connection;
    assert.ok(s.status === 'stale' && s.retryInMs >= 200, 'the delay has grown');
  });

  it('a service that can never be scheduled stops holding the fast period, and says why', async () => {
    // The fixture's fx_web has a replica no node can take (host-mode port in use).
    const { api, store, batches } = make({ fastTaskPollMs: 15, stuckAfterMs: 120 });
    store.start();
    await live(store);
    const { id } = web(api);
    assert.equal(store.convergence(id).state, 'converging');
    await until('stuck', () => store.convergence(id).state === 'stuck', 1000);
    const c = store.convergence(id);
    assert.ok(c.state === 'stuck');
    assert.match(c.reason, /^pending: no suitable node \(host-mode port already in use on 2 nodes/);
    assert.ok(batches.some((b) => b.changes.some((x) => x.kind === 'service' && x.updated.includes(id))), 'views are told');
    const n = store.stats.fullLists.task;
    await sleep(150);
    assert.ok(store.stats.fullLists.task - n <= 1, 'slow period');
    // It moves again: back to the fast period.
    api.data.task = api.data.task.map((t) => t.state === 'pending' ? { ...t, version: t.version + 1, state: 'assigned' } : t);
    api.emit({ type: 'node', action: 'update', actorId: api.data.node[0]?.id ?? '' });
    await until('converging again', () => store.convergence(id).state === 'converging');
  });

  it('a stream that went silent is replaced by one that replays what it missed', async () => {
    const { api, store } = make({ streamCheckMs: 80 });
    store.start();
    await live(store);
    api.cutStreams();
    const id = scale(api, 9);
    await until('the replayed change applied', () => replicasOf(store, id) === 9, 1000);
    assert.equal(store.connection.status, 'live');
    assert.equal(api.openStreams, 1, 'the old stream was closed');
    assert.ok(api.calls.includes('events since'));
  });

  it('calls that hang on a daemon that answers its ping: "electing a leader", then lost quorum past 30 s', async () => {
    let clock = Date.now();
    const { api, store } = make({ backoffBaseMs: 20, backoffMaxMs: 20 }, new FakeApi(), [], () => clock);
    store.start();
    await live(store);
    api.deadlineMs = 40;
    api.hang = (c) => c !== 'ping';
    scale(api, 4);
    await until('electing', () => store.connection.status === 'stale' && store.connection.error.kind === 'electing');
    const s = store.connection;
    assert.ok(s.status === 'stale');
    assert.match(s.error.message, /electing a leader \(0 s so far/);
    clock += 31_000;
    await until('no quorum', () => store.connection.status === 'stale' && store.connection.error.kind === 'no-quorum');
    api.hang = () => false;
    await live(store);
  });

  it('fails over to another manager of the same swarm, says so, and stays there', async () => {
    const node1 = new FakeApi('unix:///node1.sock');
    const other = new FakeApi('unix:///other.sock');
    other.infoValue = { ...other.infoValue, clusterId: 'another-swarm', name: 'elsewhere' };
    const node2 = new FakeApi('unix:///node2.sock');
    node1.infoValue = { ...node1.infoValue, name: 'node1' };
    node2.infoValue = { ...node2.infoValue, name: 'node2' };
    const { store } = make({}, node1, [other, node2]);
    store.start();
    await live(store);
    node1.down();
    await live(store);
    const s = store.connection;
    assert.ok(s.status === 'live');
    assert.deepEqual(s.failover, { from: 'node1', to: 'node2', endpoint: 'unix:///node2.sock' });
    assert.equal(store.endpointLabel, 'unix:///node2.sock');
    assert.equal(store.stats.failovers, 1);
    assert.ok(other.calls.includes('info') && !other.calls.includes('events'), 'another swarm was asked and refused');
    node1.up();
    await sleep(50);
    assert.equal(store.endpointLabel, 'unix:///node2.sock', 'moves back only when asked');
  });
});
