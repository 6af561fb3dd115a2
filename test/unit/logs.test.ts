// Service and task logs: the Engine's bytes (captured by scripts/capture-log-fixtures.ts) through our
// pipeline must print what the real docker CLI 28 printed for the same logs.
import assert from 'node:assert/strict';
import { toNode } from '../../src/docker/mappers/nodes';
import { toTask } from '../../src/docker/mappers/others';
import { toService } from '../../src/docker/mappers/services';
import { LogDemuxer } from '../../src/domain/logs/demux';
import { LogBuffer, LogView, type LogEntry } from '../../src/domain/logs/logBuffer';
import { parseDetails, parseLogLine } from '../../src/domain/logs/logLine';
import { LogPipeline } from '../../src/domain/logs/pipeline';
import { PrefixResolver, lookupsFrom, slotWidth, truncateId } from '../../src/domain/logs/prefix';
import { fixture } from '../support/fixtures';
import { ManualClock } from '../support/manualClock';

interface Captured {
  taskId: string;
  streams: Record<'service' | 'global' | 'tty' | 'task', string>;
  cli: Record<'service' | 'serviceTimestamps' | 'global' | 'task' | 'ttyRaw', { stdout: string[]; stderr: string[] }>;
  nodes: unknown[];
  services: unknown[];
  tasks: unknown[];
}

const captured = fixture('logs.json') as Captured;
const nodes = captured.nodes.map(toNode);
const services = captured.services.map(toService);
const tasks = captured.tasks.map(toTask);
const never = () => Promise.reject(new Error('not in the fixture'));
const lookups = lookupsFrom(
  { node: (id) => nodes.find((n) => n.id === id), service: (id) => services.find((s) => s.id === id), task: (id) => tasks.find((t) => t.id === id) },
  { node: never, service: never, task: never },
);

async function run(stream: keyof Captured['streams'], width: number, multiplexed: boolean | 'auto' = true, chunk = 0): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  const pipeline = new LogPipeline(multiplexed, new PrefixResolver(lookups, width), (e) => out.push(...e));
  const bytes = Buffer.from(captured.streams[stream], 'base64');
  if (chunk <= 0) pipeline.push(bytes);
  else for (let i = 0; i < bytes.length; i += chunk) pipeline.push(bytes.subarray(i, i + chunk));
  await pipeline.end();
  return out;
}

function rendered(entries: readonly LogEntry[], stream: 'stdout' | 'stderr', timestamps: boolean): string[] {
  const lines = entries.filter((e) => e.kind === 'line' && e.stream === stream);
  const buffer = new LogBuffer(1_000_000);
  buffer.append(lines);
  return buffer.render(timestamps).split('\n').filter((l) => l !== '');
}

const sorted = (lines: readonly string[]) => [...lines].sort();
const replicas = (name: string) => { const m = services.find((s) => s.name === name)?.mode; return m?.kind === 'replicated' ? m.replicas : undefined; };

describe('service logs', () => {
  it('prefix every line as docker service logs does (padding to 10 replicas, stdout and stderr)', async () => {
    const entries = await run('service', slotWidth({ replicas: replicas('fxlog') }));
    assert.equal(entries.length, 40);
    assert.deepEqual(sorted(rendered(entries, 'stdout', false)), sorted(captured.cli.service.stdout));
    assert.deepEqual(sorted(rendered(entries, 'stderr', false)), sorted(captured.cli.service.stderr));
  });

  it('put the timestamp first, as docker service logs -t does', async () => {
    const entries = await run('service', slotWidth({ replicas: 10 }));
    assert.deepEqual(sorted(rendered(entries, 'stdout', true)), sorted(captured.cli.serviceTimestamps.stdout));
    assert.deepEqual(sorted(rendered(entries, 'stderr', true)), sorted(captured.cli.serviceTimestamps.stderr));
  });

  it('show slot 0 for the tasks of a global service', async () => {
    const entries = await run('global', slotWidth({}));
    assert.deepEqual(sorted(rendered(entries, 'stdout', false)), sorted(captured.cli.global.stdout));
    assert.deepEqual(sorted(rendered(entries, 'stderr', false)), sorted(captured.cli.global.stderr));
  });

  it('pad a task\'s logs to the width of its own slot', async () => {
    const slot = tasks.find((t) => t.id === captured.taskId)?.slot ?? 0;
    const entries = await run('task', slotWidth({ taskSlot: slot }));
    assert.deepEqual(rendered(entries, 'stdout', false), captured.cli.task.stdout);
    assert.deepEqual(rendered(entries, 'stderr', false), captured.cli.task.stderr);
  });

  it('read a TTY service\'s raw stream, CR LF endings included, and still prefix it', async () => {
    const entries = await run('tty', 1, false);
    const messages = entries.map((e) => (e.kind === 'line' ? e.message : ''));
    // The CLI prints TTY logs only with --raw: the bare messages, with the TTY's "\r".
    assert.deepEqual(messages, captured.cli.ttyRaw.stdout.map((l) => l.replace(/\r$/, '')));
    assert.ok(entries.every((e) => e.kind === 'line' && /^fxlog-tty\.1\.[a-z0-9]{12}@node\d+ {4}\| $/.test(e.prefix)));
  });

  it('tell the multiplexed stream from the raw one by its first byte', async () => {
    assert.deepEqual(await run('service', 2, 'auto'), await run('service', 2, true));
    assert.deepEqual(await run('tty', 1, 'auto'), await run('tty', 1, false));
  });

  it('give the same lines whatever the chunking (headers and UTF-8 characters split)', async () => {
    const whole = await run('service', 2);
    for (const size of [1, 3, 7, 8, 9, 100]) assert.deepEqual(await run('service', 2, true, size), whole, `chunks of ${size}`);
  });
});

describe('log line parts', () => {
  it('parse details as the CLI\'s logdetails.Parse (its own test cases)', () => {
    assert.deepEqual(parseDetails('key=value'), new Map([['key', 'value']]));
    assert.deepEqual(parseDetails('key1=value1,key2=value2'), new Map([['key1', 'value1'], ['key2', 'value2']]));
    assert.deepEqual(parseDetails('key+with+spaces=value%3Dequals,asdf%2C='), new Map([['key with spaces', 'value=equals'], ['asdf,', '']]));
    assert.deepEqual(parseDetails('key=,key2='), new Map([['key', ''], ['key2', '']]));
    for (const bad of ['key=,=nothing', '=nothing', '=', 'errors']) assert.equal(parseDetails(bad), undefined, bad);
  });

  it('keep a line without swarm details whole, after its timestamp', () => {
    assert.deepEqual(parseLogLine('2026-01-01T00:00:00Z plain text here'), { timestamp: '2026-01-01T00:00:00Z', message: 'plain text here' });
  });

  it('truncate ids to 12 characters, after any algorithm prefix', () => {
    assert.equal(truncateId('sha256:0123456789abcdef'), '0123456789ab');
    assert.equal(truncateId('x7f3'), 'x7f3');
  });

  it('demultiplex stdin frames to stdout and keep a last line without a newline', () => {
    const d = new LogDemuxer(true);
    const frame = (type: number, text: string) => Buffer.concat([Buffer.from([type, 0, 0, 0, 0, 0, 0, Buffer.byteLength(text)]), Buffer.from(text)]);
    assert.deepEqual(d.push(Buffer.concat([frame(0, 'a\n'), frame(2, 'b\r\n'), frame(1, 'tail')])),
      [{ stream: 'stdout', text: 'a' }, { stream: 'stderr', text: 'b' }]);
    assert.deepEqual(d.end(), [{ stream: 'stdout', text: 'tail' }]);
  });
});

describe('log view', () => {
  const line = (i: number): LogEntry => ({ kind: 'line', timestamp: `t${i}`, prefix: 'web.1.abc@node1    | ', message: `m${i}`, stream: 'stdout' });

  it('keep the newest lines under the cap, dropping a fifth of it at a time, and say how many were dropped', () => {
    const b = new LogBuffer(10);
    b.append([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(line));
    const text = b.render(false);
    assert.deepEqual(text.split('\n').slice(0, 2), [
      '--- 4 earlier lines dropped: this view keeps at most 10 (setting swarm.logs.maxLines) ---', 'web.1.abc@node1    | m5']);
    assert.equal(text.split('\n').length, 9);
    assert.equal(b.render(true).split('\n')[1], 't5 web.1.abc@node1    | m5');
    // Until the cap is reached again, new lines only append: the editor's line diff sees an append.
    b.append([13, 14].map(line));
    assert.ok(b.render(false).startsWith(`${text}\n`));
  });

  it('render 100,000 lines arriving in 10,000 chunks over 10 s a bounded number of times', () => {
    const clock = new ClockedView();
    for (let c = 0; c < 10_000; c++) {
      clock.view.push(Array.from({ length: 10 }, (_, i) => line(c * 10 + i)));
      clock.clock.advance(1);
    }
    clock.clock.advance(5_000);
    // At least one render per 1.5 s once the text is large, at most one per 200 ms.
    assert.ok(clock.renders >= 10_000 / 1_500 && clock.renders <= 10_000 / 200 + 1, `${clock.renders} renders`);
    const lines = clock.view.text.split('\n');
    assert.ok(lines.length > 16_000 && lines.length <= 20_001, `${lines.length} lines`);
    assert.equal(lines[0], `--- ${(100_000 - lines.length + 1).toLocaleString('en-US')} earlier lines dropped: this view keeps at most 20,000 (setting swarm.logs.maxLines) ---`);
    assert.equal(lines.at(-1), 'web.1.abc@node1    | m99999');
  });

  it('re-render at once when timestamps are toggled', () => {
    const c = new ClockedView();
    c.view.push([line(1)]);
    c.clock.advance(0);
    c.view.setTimestamps(true);
    assert.equal(c.view.text, 't1 web.1.abc@node1    | m1');
  });
});

class ClockedView {
  readonly clock = new ManualClock();
  renders = 0;
  readonly view = new LogView({ maxLines: 20_000, timestamps: false, minIntervalMs: 200, maxIntervalMs: 1500, bytesPerMs: 2000 },
    this.clock, () => this.clock.now, () => { this.renders++; });
}
