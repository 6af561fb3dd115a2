// Benchmark: how long a change made outside the extension takes to reach the cluster store through
// the Engine event stream. Prints figures; asserts nothing (timings are noisy).
//   DOCKER_HOST=unix:///run/swarm-lab/default/node1.sock npm run bench:events [-- ROUNDS]
import { ClusterStore, DEFAULT_STORE_OPTIONS } from '../../src/store/clusterStore';
import { apiFor, createTestService, dockerFor, removeTestServices, scaleService, waitFor } from '../../test/support/engine';

async function main(): Promise<void> {
  const host = process.env['DOCKER_HOST'] ?? process.env['SWARM_TEST_DOCKER_HOST'];
  if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST=unix://<manager socket> (bash scripts/lab/up.sh prints it)');
  const rounds = Number(process.argv[2] ?? 20);
  const docker = dockerFor(host);
  await removeTestServices(docker);
  const id = await createTestService(docker, 'bench-latency', 1);
  const store = new ClusterStore(apiFor(host), {});
  store.start();
  await waitFor('store live', () => store.connection.status === 'live', 30_000);
  const replicasInStore = () => { const s = store.get('service', id); return s?.mode.kind === 'replicated' ? s.mode.replicas : -1; };

  const samples: number[] = [];
  const before = store.stats;
  for (let i = 0; i < rounds; i++) {
    const target = i % 2 === 0 ? 2 : 1;
    let seen = 0n;
    const sub = store.onDidChange(() => { if (!seen && replicasInStore() === target) seen = process.hrtime.bigint(); });
    const t0 = process.hrtime.bigint();
    await scaleService(docker, id, target);
    const ack = process.hrtime.bigint();
    await waitFor(`replicas ${target}`, () => seen > 0n, 10_000);
    sub.dispose();
    samples.push(Number(seen - ack) / 1e6);
    if (i === 0) console.log(`first round: API call ${(Number(ack - t0) / 1e6).toFixed(1)} ms, then store ${(Number(seen - ack) / 1e6).toFixed(1)} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const after = store.stats;
  store.dispose();
  await removeTestServices(docker);

  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]?.toFixed(1);
  console.log(`event → store latency over ${rounds} scales (from the API's answer to the store's change; includes the store's ${DEFAULT_STORE_OPTIONS.coalesceMs} ms coalescing window):`);
  console.log(`  min ${samples[0]?.toFixed(1)} ms · median ${pct(0.5)} ms · p90 ${pct(0.9)} ms · max ${samples.at(-1)?.toFixed(1)} ms`);
  console.log(`  calls: full service lists ${after.fullLists.service - before.fullLists.service}, targeted service lists ${after.partialLists.service - before.partialLists.service}, events ${after.events - before.events}`);
}

main().then(() => process.exit(0), (e) => { console.error('bench:', e instanceof Error ? e.message : e); process.exit(1); });
