// Event → tree on the lab: how long after the Engine's event (its own timeNano) the tree refreshes
// the element that shows the changed object, for changes that emit swarm events (node label,
// service scale, secret, config, network), and for task changes on other nodes (no event reaches the
// manager: found by the fast task poll while the service converges; measured from the task's own
// status timestamp). The tree path is the provider's, minus VS Code's rendering (bench:tree times
// that): store batch → refresh planner → the provider's debounce. Also counts the list calls made
// while the stream is healthy. Prints p50/p95; asserts nothing.
//   npm run bench:tree-latency [-- ROUNDS]
import type Docker from 'dockerode';
import { ClusterStore, DEFAULT_STORE_OPTIONS } from '../../src/store/clusterStore';
import type { Kind } from '../../src/domain/model';
import { DEFAULT_TREE_OPTIONS, GROUPS, groupElement, type TreeElement } from '../../src/ui/tree/elements';
import { childrenOf } from '../../src/ui/tree/kinds';
import { planRefresh, REFRESH_DEBOUNCE_MS, serviceShape } from '../../src/ui/tree/refreshPlanner';
import { TreeContext } from '../../src/ui/tree/treeContext';
import { TreeMemory } from '../../src/ui/tree/treeMemory';
import { apiFor, createTestService, dockerFor, removeTestServices, scaleService, waitFor } from '../../test/support/engine';
import { labs } from '../../test/support/lab';

const rounds = Number(process.argv[2] ?? 20);
const nowNs = (): bigint => BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);

/** The provider's pipeline without VS Code: plans on every batch, "fires" after its debounce. */
class HeadlessTree {
  readonly memory = new TreeMemory();
  private listeners: ((keys: readonly string[], atNs: bigint) => void)[] = [];
  constructor(private readonly store: ClusterStore) {
    store.onDidChange((batch) => {
      const ctx = new TreeContext(store, DEFAULT_TREE_OPTIONS);
      const plan = planRefresh({ batch, view: store, memory: this.memory, bucketsBefore: undefined, bucketsNow: () => ctx.buckets(),
        serviceShape: new Map(store.all('service').map((s) => [s.id, serviceShape(s)])), taskPlace: new Map() });
      const keys = plan === 'all' ? ['*'] : plan.map((el) => el.key);
      setTimeout(() => { this.expandAll(); for (const l of this.listeners) l(keys, nowNs()); }, REFRESH_DEBOUNCE_MS);
    });
  }
  /** What an operator would have open: every group, every node and service. */
  expandAll(): void {
    const ctx = new TreeContext(this.store, DEFAULT_TREE_OPTIONS);
    const open = (el: TreeElement | undefined, depth: number): void => {
      const kids = childrenOf(ctx, el).map((k) => this.memory.intern(k));
      this.memory.remember(el?.key ?? '', kids);
      if (depth < 2) for (const k of kids) open(k, depth + 1);
    };
    open(undefined, 0);
  }
  onRefresh(l: (keys: readonly string[], atNs: bigint) => void): { dispose(): void } {
    this.listeners.push(l);
    return { dispose: () => { this.listeners = this.listeners.filter((x) => x !== l); } };
  }
}

const pct = (xs: number[], p: number): string => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN).toFixed(0);
};

async function main(): Promise<void> {
  const lab = labs.get({ managers: 1, workers: 2 });
  const docker = dockerFor(lab.host);
  await removeTestServices(docker);
  const store = new ClusterStore(apiFor(lab.host), {});
  const tree = new HeadlessTree(store);
  store.start();
  await waitFor('store live', () => store.connection.status === 'live', 30_000);
  tree.expandAll();

  // Events as the manager sees them, with the Engine's own time.
  const eventTimes = new Map<string, bigint>();
  const events = await docker.getEvents({ filters: JSON.stringify({ type: ['node', 'service', 'secret', 'config', 'network'] }) });
  events.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      try { const e = JSON.parse(line) as { Actor?: { ID?: string }; timeNano?: number }; if (e.Actor?.ID) eventTimes.set(e.Actor.ID, BigInt(e.timeNano ?? 0)); } catch { /* partial line */ }
    }
  });
  const serviceId = await createTestService(docker, 'bench-tree', 1);
  await waitFor('service in store', () => store.get('service', serviceId) !== undefined, 10_000);
  tree.expandAll();
  const nodeId = store.all('node')[0]?.id ?? '';
  const before = store.stats;

  /** One change: perform it, wait for the refresh naming its object's element; ms from its event. */
  const measure = async (kind: Kind, act: () => Promise<string>): Promise<number> => {
    let refreshedAt = 0n;
    let target = '';
    const sub = tree.onRefresh((keys, at) => {
      if (!refreshedAt && target && keys.some((k) => k === '*' || k.endsWith(`${kind}:${target}`) || k === groupElement(groupOf(kind)).key)) refreshedAt = at;
    });
    target = await act();
    await waitFor(`${kind} refresh`, () => refreshedAt > 0n && eventTimes.has(target), 10_000);
    sub.dispose();
    return Number(refreshedAt - (eventTimes.get(target) ?? 0n)) / 1e6;
  };
  const samples: Record<string, number[]> = { node: [], service: [], secret: [], config: [], network: [] };
  for (let i = 0; i < rounds; i++) {
    samples['service']?.push(await measure('service', async () => { await scaleService(docker, serviceId, 1 + (i % 2)); return serviceId; }));
    samples['node']?.push(await measure('node', async () => { await labelNode(docker, nodeId, `${i}`); return nodeId; }));
    samples['secret']?.push(await measure('secret', async () => (await docker.createSecret({ Name: `bench-s${i}`, Labels: { 'swarm-operator.test': '1' }, Data: 'eA==' })).id));
    samples['config']?.push(await measure('config', async () => (await docker.createConfig({ Name: `bench-c${i}`, Labels: { 'swarm-operator.test': '1' }, Data: 'eA==' })).id));
    samples['network']?.push(await measure('network', async () => (await docker.createNetwork({ Name: `bench-n${i}`, Driver: 'overlay', Labels: { 'swarm-operator.test': '1' } })).id));
  }
  const after = store.stats;
  console.log(`event → tree refresh on the lab, ${rounds} changes each (ms from the Engine's event time):`);
  for (const [k, xs] of Object.entries(samples)) console.log(`  ${k.padEnd(8)} p50 ${pct(xs, 0.5)} · p95 ${pct(xs, 0.95)} · max ${pct(xs, 1)}`);
  const full = (['node', 'service', 'secret', 'config', 'network'] as const).map((k) => `${k} ${after.fullLists[k] - before.fullLists[k]}`).join(', ');
  console.log(`  full re-lists while the stream was healthy: ${full}`);

  // Task changes on other nodes: scale up and time each new task from its own "running" timestamp.
  const taskLag: number[] = [];
  // Each round brings ~3 new tasks on other nodes: go on until there are `rounds` of them.
  for (let i = 0; taskLag.length < rounds && i < rounds; i++) {
    await scaleService(docker, serviceId, 1);
    await waitFor('1 task', () => store.tasksOfService(serviceId).filter((t) => t.desiredState === 'running' && t.state === 'running').length === 1, 30_000);
    const seen = new Map<string, bigint>();
    const sub = tree.onRefresh((_keys, at) => {
      for (const t of store.tasksOfService(serviceId)) if (t.state === 'running' && !seen.has(t.id)) seen.set(t.id, at);
    });
    const startedBefore = new Set(store.tasksOfService(serviceId).map((t) => t.id));
    await scaleService(docker, serviceId, 5);
    await waitFor('5 running', () => store.tasksOfService(serviceId).filter((t) => t.desiredState === 'running' && t.state === 'running').length === 5, 30_000);
    sub.dispose();
    for (const t of store.tasksOfService(serviceId)) {
      const at = seen.get(t.id);
      if (startedBefore.has(t.id) || !at || t.nodeId === nodeId) continue;  // other nodes only
      taskLag.push(Number(at / 1_000_000n) - Date.parse(t.timestamp));
    }
  }
  console.log(`task running on another node → tree (fast poll ${DEFAULT_STORE_OPTIONS.fastTaskPollMs} ms): ${taskLag.length} tasks, p50 ${pct(taskLag, 0.5)} · p95 ${pct(taskLag, 0.95)} ms`);

  (events as unknown as { destroy(): void }).destroy();
  store.dispose();
  await removeTestServices(docker);
  for (const kind of ['secret', 'config', 'network'] as const) {
    const list = await (kind === 'secret' ? docker.listSecrets() : kind === 'config' ? docker.listConfigs() : docker.listNetworks()) as { ID?: string; Id?: string; Spec?: { Labels?: Record<string, string> }; Labels?: Record<string, string> }[];
    for (const o of list.filter((x) => (x.Spec?.Labels ?? x.Labels ?? {})['swarm-operator.test'])) {
      const id = o.ID ?? o.Id ?? '';
      await (kind === 'secret' ? docker.getSecret(id).remove() : kind === 'config' ? docker.getConfig(id).remove() : docker.getNetwork(id).remove()).catch(() => undefined);
    }
  }
  labs.teardownAll();
}

function groupOf(kind: Kind): (typeof GROUPS)[number] {
  return ({ node: 'nodes', service: 'services', task: 'tasks', secret: 'secrets', config: 'configs', network: 'networks' } as const)[kind];
}

async function labelNode(docker: Docker, id: string, value: string): Promise<void> {
  const node = docker.getNode(id);
  const cur = await node.inspect() as { Version: { Index: number }; Spec: { Labels?: Record<string, string> } };
  await node.update({ version: cur.Version.Index, ...cur.Spec, Labels: { ...cur.Spec.Labels, 'bench-round': value } });
}

main().then(() => process.exit(0), (e) => { console.error('bench:', e instanceof Error ? e.message : e); labs.teardownAll(); process.exit(1); });
