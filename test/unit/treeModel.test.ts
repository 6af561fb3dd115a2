// The tree's node kinds and refresh planner on a real ClusterStore filled from Engine responses
// captured on the lab (test/fixtures): what each element lists, the Tasks group's order, the
// toggles, and that a change to one service refreshes that service only.
import assert from 'node:assert/strict';
import { ClusterStore } from '../../src/store/clusterStore';
import type { ChangeBatch } from '../../src/store/types';
import { DEFAULT_TREE_OPTIONS, GROUPS, groupElement, type TreeElement, type TreeOptions } from '../../src/ui/tree/elements';
import { childrenOf, show } from '../../src/ui/tree/kinds';
import { planRefresh, serviceShape } from '../../src/ui/tree/refreshPlanner';
import { TreeContext } from '../../src/ui/tree/treeContext';
import { TreeMemory } from '../../src/ui/tree/treeMemory';
import { FakeApi, until } from '../support/fakeApi';

describe('cluster tree model', () => {
  let api: FakeApi;
  let store: ClusterStore;
  const ctx = (o: Partial<TreeOptions> = {}) => new TreeContext(store, { ...DEFAULT_TREE_OPTIONS, ...o });
  const labels = (c: TreeContext, el?: TreeElement) => childrenOf(c, el).map((k) => show(c, k).presentation.label);
  const group = (g: (typeof GROUPS)[number]) => groupElement(g);

  beforeEach(async () => {
    api = new FakeApi();
    store = new ClusterStore(api, { coalesceMs: 5, fastTaskPollMs: 60_000, slowTaskPollMs: 60_000 });
    store.start();
    await until('live', () => store.connection.status === 'live');
  });
  afterEach(() => store.dispose());

  it('lists the seven groups, nodes by hostname and services by name', () => {
    const c = ctx();
    assert.deepEqual(labels(c), ['Nodes', 'Services', 'Tasks', 'Stacks', 'Secrets', 'Configs', 'Networks']);
    assert.deepEqual(labels(c, group('nodes')), [...store.all('node')].map((n) => n.hostname).sort());
    assert.deepEqual(labels(c, group('services')), store.all('service').map((s) => s.name).sort((a, b) => a.localeCompare(b)));
  });

  it('groups services by stack with the toggle; services without a stack follow', () => {
    const c = ctx({ groupByStack: true });
    const kids = childrenOf(c, group('services'));
    assert.deepEqual(kids.map((k) => `${k.type}:${show(c, k).presentation.label}`), ['stack:fx', 'object:fx-global']);
    assert.deepEqual(labels(c, kids[0]), ['fx_web']);
  });

  it('a service lists its current tasks in slot order; the history toggle adds the shut-down ones', () => {
    const web = store.all('service').find((s) => s.name === 'fx_web');
    assert.ok(web);
    const el = childrenOf(ctx(), group('services')).find((k) => k.type === 'object' && k.id === web.id);
    assert.ok(el);
    const current = childrenOf(ctx(), el);
    const all = childrenOf(ctx({ showHistory: true }), el);
    const tasks = store.tasksOfService(web.id);
    assert.equal(current.length, tasks.filter((t) => t.desiredState === 'running').length);
    assert.equal(all.length, tasks.length);
    const slots = current.map((k) => (k.type === 'object' ? store.get('task', k.id)?.slot ?? 0 : 0));
    assert.deepEqual(slots, [...slots].sort((a, b) => a - b));
  });

  it('the Tasks group puts problems first and counts them: an old pending task is stuck', () => {
    const c = ctx();
    const buckets = childrenOf(c, group('tasks'));
    const names = buckets.map((b) => show(c, b).presentation.label);
    assert.deepEqual(names, ['Stuck', 'Running']); // the capture's pending task is minutes old; history hidden
    assert.equal(show(c, group('tasks')).presentation.description, '1 problem');
    assert.ok(labels(ctx({ showHistory: true }), group('tasks')).includes('History'));
    const young = ctx({ stuckAfterMs: 365 * 86_400_000 });
    assert.deepEqual(labels(young, group('tasks')), ['Starting', 'Running']);
    assert.equal(show(young, group('tasks')).presentation.description, 'no problems');
  });

  it('a change to one service refreshes that service\'s rows only, not its group', async () => {
    const memory = new TreeMemory();
    const c = ctx();
    // What VS Code would hold after expanding Services and one service.
    const root = childrenOf(c, undefined).map((k) => memory.intern(k));
    memory.remember('', root);
    const services = childrenOf(c, root[1]).map((k) => memory.intern(k));
    memory.remember(root[1]?.key ?? '', services);
    const web = store.all('service').find((s) => s.name === 'fx_web');
    assert.ok(web);
    const shapes = new Map(store.all('service').map((s) => [s.id, serviceShape(s)]));
    const batch: ChangeBatch = { resync: false, changes: [{ kind: 'service', added: [], updated: [web.id], removed: [] }] };
    const plan = planRefresh({ batch, view: store, memory, bucketsBefore: undefined, bucketsNow: () => c.buckets(), serviceShape: shapes, taskPlace: new Map() });
    assert.ok(plan !== 'all');
    assert.deepEqual(plan.map((el) => el.key), [`group:services/service:${web.id}`]);
    // A rename re-sorts: the lists that show services are refreshed.
    const renamed = new Map(shapes).set(web.id, 'other\0fx');
    const plan2 = planRefresh({ batch, view: store, memory, bucketsBefore: undefined, bucketsNow: () => c.buckets(), serviceShape: renamed, taskPlace: new Map() });
    assert.ok(plan2 !== 'all');
    assert.deepEqual(plan2.map((el) => el.key), ['group:services', 'group:stacks']);
  });

  it('the store\'s task index answers like a scan of all tasks, after events too', async () => {
    const check = () => {
      for (const s of store.all('service')) {
        assert.deepEqual(store.tasksOfService(s.id).map((t) => t.id).sort(), store.all('task').filter((t) => t.serviceId === s.id).map((t) => t.id).sort());
      }
      for (const n of store.all('node')) {
        assert.deepEqual(store.tasksOfNode(n.id).map((t) => t.id).sort(), store.all('task').filter((t) => t.nodeId === n.id).map((t) => t.id).sort());
      }
    };
    check();
    const victim = api.data.task[0];
    assert.ok(victim);
    api.data.task = api.data.task.slice(1).map((t, i) => (i === 0 ? { ...t, nodeId: victim.nodeId, version: t.version + 1 } : t));
    api.emit({ type: 'service', action: 'update', actorId: victim.serviceId });
    await until('task gone', () => store.get('task', victim.id) === undefined);
    check();
  });
});
