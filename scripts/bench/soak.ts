// Soak benchmark: a few minutes of random faults on loopback between a cluster store and a real lab
// manager (the fault proxy of the integration tests), with the cluster changed behind the store's
// back during each fault. Prints faults survived / injected (survived: back to `live`, equal to a
// fresh listing, by itself), time to recover after each fault ends (p50, p95), how often old data
// was shown as live past the detection bound, and heap and timer counts before and after.
// Asserts nothing.
//   DOCKER_HOST=unix:///run/swarm-lab/<lab>/node1.sock npm run bench:soak [-- SECONDS [--defaults] [--seed N]]
// --defaults runs the store with its shipped timings (slower detection) instead of the fault suite's.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DockerSwarmApi } from '../../src/docker/dockerSwarmApi';
import { createDocker } from '../../src/docker/modem';
import { ClusterStore } from '../../src/store/clusterStore';
import { DEFAULT_STORE_OPTIONS } from '../../src/store/storeOptions';
import { apiFor, createTestService, dockerFor, removeTestServices, scaleService, waitFor } from '../../test/support/engine';
import { CALL_TIMEOUT_MS, differences, FAULT_TIMINGS } from '../../test/support/faultChecks';
import { FaultProxy, type Fault } from '../../test/support/faultProxy';
import { prng } from '../../test/support/mutate';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function resources(): { heapMB: number; timers: number; sockets: number } {
  gc();
  const info = process.getActiveResourcesInfo();
  return {
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e5) / 10,
    timers: info.filter((r) => r === 'Timeout').length,
    sockets: info.filter((r) => /TCP|Pipe/.test(r)).length,
  };
}

const pct = (xs: readonly number[], p: number): string => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? '-' : `${((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) / 1000).toFixed(1)} s`;
};

async function main(): Promise<void> {
  const host = process.env['DOCKER_HOST'] ?? process.env['SWARM_TEST_DOCKER_HOST'];
  if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST=unix://<manager socket> (bash scripts/lab/up.sh prints it)');
  const args = process.argv.slice(2);
  const seconds = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--seed') ?? 180);
  const defaults = args.includes('--defaults');
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) || 7 : 7;
  const rnd = prng(seed);
  const timings = defaults ? {} : FAULT_TIMINGS;
  const timeoutMs = defaults ? 10_000 : CALL_TIMEOUT_MS;
  const o = { ...DEFAULT_STORE_OPTIONS, ...timings };
  // A vanished peer is noticed by the next ping at its deadline; a silent stream by its replacement.
  const bound = Math.max(o.pingMs + timeoutMs, o.streamCheckMs) + 1500;

  const docker = dockerFor(host);
  const truth = apiFor(host);
  await removeTestServices(docker);
  const id = await createTestService(docker, 'bench-soak', 1);
  const proxy = new FaultProxy(host.replace(/^unix:\/\//, ''));
  await proxy.start();
  const store = new ClusterStore(new DockerSwarmApi(createDocker({ protocol: 'http', host: '127.0.0.1', port: proxy.port }), proxy.host, timeoutMs), timings);
  store.start();
  await waitFor('live', () => store.connection.status === 'live', 30_000);
  await sleep(2000);
  const before = resources();

  const faults: Fault[] = [{ kind: 'hang' }, { kind: 'drop' }, { kind: 'refuse' }, { kind: 'delay', ms: 300 }, { kind: 'cut-events' }];
  const replicasInStore = (): number | undefined => { const m = store.get('service', id)?.mode; return m?.kind === 'replicated' ? m.replicas : undefined; };
  const recoveries: number[] = [];
  /** Rounds in which the store went stale: the time from the fault's end to live and correct again. */
  const outages: number[] = [];
  const byKind = new Map<string, { injected: number; survived: number }>();
  let injected = 0;
  let survived = 0;
  let shownOldAsLive = 0;
  let replicas = 1;
  const start = Date.now();
  const end = start + seconds * 1000;
  /** Heap after GC at each quarter of the run: growth that keeps going is a leak, a plateau is not. */
  const quarters: number[] = [];
  while (Date.now() < end) {
    if ((Date.now() - start) / (end - start) >= (quarters.length + 1) / 4) quarters.push(resources().heapMB);
    const fault = faults[Math.floor(rnd() * faults.length)] as Fault;
    const hold = 1000 + Math.floor(rnd() * (defaults ? 12_000 : 4000));
    injected++;
    const k = byKind.get(fault.kind) ?? { injected: 0, survived: 0 };
    byKind.set(fault.kind, k);
    k.injected++;
    await proxy.set(fault);
    replicas = replicas === 1 ? 2 : 1;
    const changedAt = Date.now();
    const reconnects = store.stats.reconnects;
    await scaleService(docker, id, replicas);
    let wentStale = false;
    const watch = setInterval(() => {
      if (store.connection.status === 'stale') wentStale = true;
      if (Date.now() > changedAt + bound && store.connection.status === 'live' && replicasInStore() !== replicas) shownOldAsLive++;
    }, 100);
    await sleep(hold);
    await proxy.set({ kind: 'pass' });
    const healed = Date.now();
    try {
      await waitFor('recovered', async () => store.connection.status === 'live' && replicasInStore() === replicas
        && (await differences(store, truth)).length === 0, 60_000);
      recoveries.push(Date.now() - healed);
      if (wentStale || store.stats.reconnects > reconnects) outages.push(Date.now() - healed);
      survived++;
      k.survived++;
    } catch {
      console.log(`  ${fault.kind}: not recovered within 60 s (${store.connection.status})`);
    }
    clearInterval(watch);
    await sleep(500 + Math.floor(rnd() * 1500));
  }
  await sleep(o.stableAfterMs + 1000); // let retry and stability timers of the last round run out
  const after = resources();
  const stats = store.stats;
  store.dispose();
  await proxy.stop();
  await removeTestServices(docker);

  console.log(`soak: ${seconds} s of random faults through a loopback proxy (seed ${seed}, ${defaults ? 'shipped timings' : 'fault-suite timings'}: `
    + `call timeout ${timeoutMs} ms, ping ${o.pingMs} ms, stream check ${o.streamCheckMs} ms, backoff ${o.backoffBaseMs}-${o.backoffMaxMs} ms)`);
  console.log(`  faults survived / injected: ${survived} / ${injected}  (${[...byKind].map(([kind, c]) => `${kind} ${c.survived}/${c.injected}`).join(', ')})`);
  console.log(`  time to recover after the fault ended, all rounds: p50 ${pct(recoveries, 0.5)}, p95 ${pct(recoveries, 0.95)}, max ${pct(recoveries, 1)}`);
  console.log(`  … rounds that went stale (${outages.length}): p50 ${pct(outages, 0.5)}, p95 ${pct(outages, 0.95)}, max ${pct(outages, 1)}`);
  console.log(`  samples showing old data as live more than ${(bound / 1000).toFixed(1)} s after the change: ${shownOldAsLive}`);
  console.log(`  store: ${stats.resyncs} resyncs, ${stats.reconnects} reconnects, ${stats.fetchFailures} failed fetches, ${stats.deadStreams} dead streams found, ${proxy.accepted} connections`);
  console.log(`  heap used after GC: ${before.heapMB} MB before, ${quarters.map((q) => `${q} MB`).join(', ')} along the way, ${after.heapMB} MB after; timers: ${before.timers} before, ${after.timers} after; sockets: ${before.sockets} before, ${after.sockets} after`);
}

main().catch((e: unknown) => { console.error(e); process.exit(1); });
