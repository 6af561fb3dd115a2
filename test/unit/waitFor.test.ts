// Waiting on the store: resolves on the change that satisfies the condition, times out with the
// caller's explanation, stops on cancellation, and holds the fast task polling only while it waits.
import assert from 'node:assert/strict';
import { ClusterStore } from '../../src/store/clusterStore';
import { Cancelled, OperationError } from '../../src/operations/operation';
import { waitForView } from '../../src/operations/waitFor';
import { FakeApi, until } from '../support/fakeApi';

describe('waitForView', () => {
  let api: FakeApi;
  let store: ClusterStore;

  beforeEach(async () => {
    api = new FakeApi();
    // The fixtures' services are steady (nothing converging): tasks are polled at the slow period.
    api.data.service = api.data.service.filter((s) => s.mode.kind === 'global');
    api.data.task = api.data.task.filter((t) => t.state === t.desiredState && api.data.service.some((s) => s.id === t.serviceId));
    store = new ClusterStore(api, { coalesceMs: 1, fastTaskPollMs: 20, slowTaskPollMs: 60_000 });
    store.start();
    await until('live', () => store.connection.status === 'live');
  });
  afterEach(() => store.dispose());

  const timedOut = (): OperationError => new OperationError('still there', 'm', 'n');

  it('resolves when a change batch satisfies the condition', async () => {
    const node = store.all('node')[0];
    assert.ok(node);
    const waiting = waitForView(store, { check: () => (store.get('node', node.id)?.availability === 'drain' ? 'drained' : undefined),
      timeoutMs: 2000, signal: new AbortController().signal, timedOut });
    api.data.node = api.data.node.map((n) => (n.id === node.id ? { ...n, availability: 'drain', version: n.version + 1 } : n));
    api.emit({ type: 'node', action: 'update', actorId: node.id });
    assert.equal(await waiting, 'drained');
  });

  it('times out with the caller\'s error', async () => {
    await assert.rejects(waitForView(store, { check: () => undefined, timeoutMs: 30, signal: new AbortController().signal, timedOut }),
      (e: unknown) => e instanceof OperationError && e.message === 'still there');
  });

  it('stops on cancellation, with the steps that ran', async () => {
    const abort = new AbortController();
    const waiting = waitForView(store, { check: () => undefined, timeoutMs: 5000, signal: abort.signal, timedOut, steps: ['drained'] });
    abort.abort();
    await assert.rejects(waiting, (e: unknown) => e instanceof Cancelled && e.steps[0] === 'drained');
  });

  it('polls tasks at the fast period while it waits (task moves raise no events), and only then', async () => {
    const count = (): number => api.calls.filter((c) => c === 'list task').length;
    const abort = new AbortController();
    const before = count();
    const waiting = waitForView(store, { check: () => undefined, timeoutMs: 5000, signal: abort.signal, timedOut, tasks: true });
    await until('two fast task polls', () => count() >= before + 2, 1000);
    abort.abort();
    await waiting.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const after = count();
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(count() <= after + 1, 'back to the slow period once the wait ended');
  });
});
