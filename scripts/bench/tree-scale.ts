// How the store and the tree hold up on a big swarm (100 nodes, 2,000 services, 20,000 tasks by
// default), made by multiplying Engine responses captured from the lab. Prints, apart: decoding the
// JSON; filling the store (mapping + cache + task index); building every tree item once (the groups,
// every node, every service, every service's tasks); expanding a 1,000-task service and the Tasks
// group; what a one-service change refreshes; heap growth. Asserts nothing. Runs bundled, as the
// extension does:  npm run bench:tree [-- NODES SERVICES TASKS]
import { performance } from 'node:perf_hooks';
import { ClusterStore } from '../../src/store/clusterStore';
import { DEFAULT_TREE_OPTIONS, groupElement, type TreeElement } from '../../src/ui/tree/elements';
import { childrenOf, show } from '../../src/ui/tree/kinds';
import { planRefresh, serviceShape } from '../../src/ui/tree/refreshPlanner';
import { TreeContext } from '../../src/ui/tree/treeContext';
import { TreeMemory } from '../../src/ui/tree/treeMemory';
import { BigClusterApi, bigClusterJson } from './bigCluster';
import type { Kind } from '../../src/domain/model';

const [nodes = 100, services = 2000, tasks = 20000] = process.argv.slice(2).map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): number => { gc?.(); return process.memoryUsage().heapUsed / 2 ** 20; };
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(1)} ms`;

async function main(): Promise<void> {
  const text = bigClusterJson({ nodes, services, tasks });
  const heap0 = heapMb();
  let t0 = performance.now();
  const raw = Object.fromEntries(Object.entries(text).map(([k, v]) => [k, JSON.parse(v) as unknown[]])) as Record<Kind, unknown[]>;
  console.log(`swarm: ${nodes} nodes, ${services} services, ${tasks} tasks (${(text.task.length / 2 ** 20).toFixed(1)} MB of task JSON)`);
  console.log(`decode the Engine's JSON:           ${ms(t0)}`);
  const heapDecoded = heapMb();

  t0 = performance.now();
  const store = new ClusterStore(new BigClusterApi(raw), { slowTaskPollMs: 3_600_000, fastTaskPollMs: 3_600_000 });
  const live = new Promise<void>((resolve) => store.onDidChangeConnection((s) => { if (s.status === 'live') resolve(); }));
  store.start();
  await live;
  const storeMs = performance.now() - t0;

  t0 = performance.now();
  const ctx = new TreeContext(store, DEFAULT_TREE_OPTIONS);
  const memory = new TreeMemory();
  let items = 0;
  const expand = (el: TreeElement | undefined): TreeElement[] => {
    const kids = childrenOf(ctx, el).map((k) => memory.intern(k));
    memory.remember(el?.key ?? '', kids);
    for (const k of kids) { show(ctx, k); items++; }
    return kids;
  };
  // Every object once: groups, nodes, services, and each service's tasks (a task's other rows, under
  // its node and in the Tasks group, are the same item again).
  const groups = expand(undefined);
  for (const g of groups) {
    const kids = expand(g);
    if (g.type === 'group' && g.group === 'services') for (const s of kids) expand(s);
  }
  const treeMs = performance.now() - t0;
  console.log(`fill the store (map, cache, index): ${storeMs.toFixed(1)} ms`);
  console.log(`build every tree item (${items}):    ${treeMs.toFixed(1)} ms`);
  console.log(`store + tree:                        ${(storeMs + treeMs).toFixed(1)} ms`);
  console.log(`heap: decoded responses ${(heapDecoded - heap0).toFixed(1)} MB; store + tree items on top ${(heapMb() - heapDecoded).toFixed(1)} MB${gc ? '' : ' (run with --expose-gc for exact figures)'}`);

  const big = new ClusterStore(new BigClusterApi(Object.fromEntries(Object.entries(bigClusterJson({ nodes, services: 1, tasks: 1000 }))
    .map(([k, v]) => [k, JSON.parse(v) as unknown[]])) as Record<Kind, unknown[]>));
  const bigLive = new Promise<void>((resolve) => big.onDidChangeConnection((s) => { if (s.status === 'live') resolve(); }));
  big.start();
  await bigLive;
  const bigCtx = new TreeContext(big, DEFAULT_TREE_OPTIONS);
  const svc = childrenOf(bigCtx, groupElement('services'))[0];
  t0 = performance.now();
  const taskItems = svc ? childrenOf(bigCtx, svc).map((k) => show(bigCtx, k)) : [];
  console.log(`expand a ${taskItems.length}-task service:          ${ms(t0)}`);
  t0 = performance.now();
  const fresh = new TreeContext(store, DEFAULT_TREE_OPTIONS);
  const buckets = childrenOf(fresh, groupElement('tasks'));
  let bucketItems = 0;
  for (const b of buckets) { show(fresh, b); for (const t of childrenOf(fresh, b)) { show(fresh, t); bucketItems++; } }
  console.log(`expand the Tasks group (${bucketItems} tasks):  ${ms(t0)}`);

  const one = store.all('service')[0];
  if (one) {
    const shapes = new Map(store.all('service').map((s) => [s.id, serviceShape(s)]));
    t0 = performance.now();
    const plan = planRefresh({ batch: { resync: false, changes: [{ kind: 'service', added: [], updated: [one.id], removed: [] }] },
      view: store, memory, bucketsBefore: undefined, bucketsNow: () => ctx.buckets(), serviceShape: shapes, taskPlace: new Map() });
    const refreshed = plan === 'all' ? items : plan.reduce((n, el) => n + 1 + childrenOf(ctx, el).length, 0);
    console.log(`a one-service change: plans ${plan === 'all' ? 'everything' : `${plan.length} element(s)`}, ${refreshed} item(s) rebuilt, in ${ms(t0)}`);
  }
  store.dispose();
  big.dispose();
}

void main();
