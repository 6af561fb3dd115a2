// One full refresh of the store (a list call per kind) beside what a user runs with the docker CLI
// to see the same: `docker node ls`, `docker service ls`, `docker service ps <every service>`, on
// the same lab swarm, in turn, as a ratio per pair. Prints the medians; asserts nothing.
//   npm run bench:refresh [-- SERVICES ROUNDS]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { ClusterStore } from '../../src/store/clusterStore';
import { apiFor, dockerFor, removeTestServices, waitFor } from '../../test/support/engine';
import { labs } from '../../test/support/lab';

const [services = 20, rounds = 9] = process.argv.slice(2).map(Number);
const DOCKER = fs.existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : 'docker';
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const lab = labs.get({ managers: 1, workers: 2 });
  const docker = dockerFor(lab.host);
  await removeTestServices(docker);
  for (let i = 0; i < services; i++) {
    await docker.createService({ Name: `bench-r${i}`, Labels: { 'swarm-operator.test': '1' }, Mode: { Replicated: { Replicas: 3 } },
      TaskTemplate: { ContainerSpec: { Image: 'local/busybox:1', Args: ['sleep', '1000000'], Init: true } } });
  }
  const store = new ClusterStore(apiFor(lab.host), {});
  store.start();
  await waitFor('store live', () => store.connection.status === 'live', 30_000);
  await waitFor('tasks running', () => store.all('task').filter((t) => t.state === 'running').length >= services * 3, 120_000);
  const cli = (...args: string[]): void => {
    const r = spawnSync(DOCKER, ['-H', lab.host, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    let t0 = performance.now();
    await store.refresh();
    const a = performance.now() - t0;
    t0 = performance.now();
    cli('node', 'ls');
    cli('service', 'ls');
    const ids = spawnSync(DOCKER, ['-H', lab.host, 'service', 'ls', '-q'], { encoding: 'utf8' }).stdout.trim().split('\n');
    cli('service', 'ps', ...ids);
    const b = performance.now() - t0;
    if (i === 0) continue;  // warm-up
    ours.push(a); theirs.push(b); ratios.push(a / b);
  }
  console.log(`full refresh on the lab: ${store.all('node').length} nodes, ${store.all('service').length} services, ${store.all('task').length} tasks; ${rounds} rounds, in turn`);
  console.log(`  store.refresh() (one list call per kind): median ${median(ours).toFixed(0)} ms`);
  console.log(`  docker node ls + service ls + service ps $(all): median ${median(theirs).toFixed(0)} ms (CLI ${DOCKER})`);
  console.log(`  ratio store/CLI per pair: median ${median(ratios).toFixed(2)}, min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`);
  store.dispose();
  await removeTestServices(docker);
  labs.teardownAll();
}

main().then(() => process.exit(0), (e) => { console.error('bench:', e instanceof Error ? e.message : e); labs.teardownAll(); process.exit(1); });
