// How fast the log pipeline takes a flood: N multiplexed frames (as the Engine sends a service's
// logs with details and timestamps) in 64 KiB chunks → lines → prefixes → a capped view rendered
// every 200–1500 ms of a simulated clock. Prints lines per second and the cost of the renders.
//   npx tsx scripts/bench/logs.ts [lines=100000] [cap=20000]
import { LogView, DEFAULT_VIEW_TIMING } from '../../src/domain/logs/logBuffer';
import { LogPipeline } from '../../src/domain/logs/pipeline';
import { PrefixResolver } from '../../src/domain/logs/prefix';
import type { Scheduler } from '../../src/domain/scheduler';

const lines = Number(process.argv[2] ?? 100_000);
const cap = Number(process.argv[3] ?? 20_000);

function frame(text: string): Buffer {
  const body = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = 1;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

const details = 'com.docker.swarm.node.id=lwxmxqpa7c2oljmt840p680aj,com.docker.swarm.service.id=omk0bw59zzxgkfd009svk3c1w,com.docker.swarm.task.id=e4ht256zzq9memsxuf7kllos7';
const stream = Buffer.concat(Array.from({ length: lines }, (_, i) => frame(`2026-12-01T21:14:30.${String(i).padStart(9, '0')}Z ${details} INFO request served in 12 ms, id ${i + 1}\n`)));

let now = 0;
const pending: { at: number; work: () => void }[] = [];
const clock: Scheduler = { schedule: (work, ms) => { const item = { at: now + ms, work }; pending.push(item); return { cancel: () => { item.work = () => undefined; } }; } };
let renderMs = 0;
let renders = 0;
const view = new LogView({ maxLines: cap, timestamps: false, ...DEFAULT_VIEW_TIMING }, clock, () => now, () => { renders++; });
const resolver = new PrefixResolver({ nodeName: async () => 'node1', serviceName: async () => 'web', taskSlot: async () => 1 }, 1);
const pipeline = new LogPipeline('auto', resolver, (entries) => view.push(entries));

async function main(): Promise<void> {
  const t0 = performance.now();
  for (let at = 0; at < stream.length; at += 65_536) {
    pipeline.push(stream.subarray(at, at + 65_536));
    await Promise.resolve();
    // Advance the simulated clock 1 ms per chunk; run the renders due, timing them.
    now += 1;
    for (const p of pending.splice(0).filter((x) => x.at <= now)) { const r0 = performance.now(); p.work(); renderMs += performance.now() - r0; }
  }
  await pipeline.end();
  const r0 = performance.now();
  view.flush();
  renderMs += performance.now() - r0;
  const total = performance.now() - t0;
  console.log(`${lines} lines (${(stream.length / 1e6).toFixed(1)} MB) through the pipeline in ${total.toFixed(0)} ms `
    + `(${Math.round(lines / (total / 1000)).toLocaleString('en-US')} lines/s); ${renders} renders of up to ${view.text.length.toLocaleString('en-US')} characters took ${renderMs.toFixed(0)} ms`);
}

void main();
