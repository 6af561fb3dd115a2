// Operations on a real lab, driven as the command runner drives them (check, then run with a
// progress sink and a cancellation signal), with the log kept for assertions.
import assert from 'node:assert/strict';
import { DockerWriteApi } from '../../src/docker/dockerWriteApi';
import type { Check, Operation, OperationContext, Outcome } from '../../src/operations/operation';
import type { ActionLog, NodeEngines } from '../../src/operations/ports';
import { ClusterStore } from '../../src/store/clusterStore';
import { apiFor, waitFor } from './engine';

export class MemoryLog implements ActionLog {
  readonly lines: string[] = [];
  private readonly t0 = Date.now();
  private at(): string { return `[${((Date.now() - this.t0) / 1000).toFixed(1)}s] `; }
  cli(command: string): void { this.lines.push(`${this.at()}$ ${command}`); }
  engine(call: string, answer: string, failed: boolean): void { this.lines.push(`${this.at()}${failed ? 'FAILED ' : ''}${call} → ${answer}`); }
  note(message: string): void { this.lines.push(this.at() + message); }
  text(): string { return this.lines.join('\n'); }
  /** A line with exactly this text was logged (after its time stamp). */
  has(line: string): boolean { return this.lines.some((l) => l.replace(/^\[[\d.]+s\] /, '') === line); }
}

export interface LabOperations {
  readonly ctx: OperationContext;
  readonly store: ClusterStore;
  readonly log: MemoryLog;
  dispose(): void;
}

/** A live store on `host` and the operation context the extension would build for it. */
export async function labOperations(host: string, options: { waitMs?: number; engines?: NodeEngines; anyState?: boolean } = {}): Promise<LabOperations> {
  const api = apiFor(host);
  const store = new ClusterStore(api, { fastTaskPollMs: 500, backoffMaxMs: 1000 });
  store.start();
  // `anyState`: an engine outside a swarm (or a worker) is what a join or leave starts from.
  await waitFor('the store to be live', () => store.connection.status === 'live' || (options.anyState === true && store.connection.status === 'stale'), 60_000);
  const log = new MemoryLog();
  const ctx: OperationContext = {
    view: store, api: new DockerWriteApi(api, log), log, cluster: host, waitMs: options.waitMs ?? 60_000, engines: options.engines,
  };
  return { ctx, store, log, dispose: () => store.dispose() };
}

export interface Ran {
  readonly check: Extract<Check, { kind: 'proceed' }>;
  readonly outcome: Outcome;
  readonly progress: readonly string[];
}

/** Asserts the check lets it proceed, then runs it as the runner would. */
export async function runOperation(op: Operation, signal = new AbortController().signal): Promise<Ran> {
  const check = await op.check();
  assert.equal(check.kind, 'proceed', check.kind === 'refuse' ? check.reason : '');
  const progress: string[] = [];
  const outcome = await op.run({ report: (m) => progress.push(m) }, signal);
  return { check, outcome, progress };
}

export async function refusal(op: Operation): Promise<string> {
  const check = await op.check();
  assert.equal(check.kind, 'refuse', 'the check refuses');
  return check.reason;
}
