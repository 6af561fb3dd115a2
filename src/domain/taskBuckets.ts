// "What is wrong right now", for the Tasks group: every task of the swarm in one bucket, problems
// first. A failed or rejected task is a problem while it says something about now: it is the
// latest failure of its slot (its node, for global services) and that slot is not running again,
// or it failed within the recent window. Older failures and ended tasks are history.
import { isCurrentTask } from './replicas';
import type { Task } from './model';
import { isBeforeRunning } from './taskStates';

export type TaskBucket = 'failed' | 'rejected' | 'stuck' | 'starting' | 'running' | 'completed' | 'history';

/** Display order: problems first. */
export const BUCKETS: readonly TaskBucket[] = ['failed', 'rejected', 'stuck', 'starting', 'running', 'completed', 'history'];

export const PROBLEM_BUCKETS: ReadonlySet<TaskBucket> = new Set<TaskBucket>(['failed', 'rejected', 'stuck']);

export interface BucketOptions {
  /** A task pending or assigned for longer than this is stuck (the scheduler can't place it). */
  readonly stuckAfterMs: number;
  /** A failure this recent is a problem even when its slot runs again. */
  readonly recentFailureMs: number;
  readonly now: number;
}

export const DEFAULT_BUCKET_OPTIONS = { stuckAfterMs: 30_000, recentFailureMs: 5 * 60_000 } as const;

const time = (iso: string): number => Date.parse(iso) || 0;

/** The slot a task fills: its slot number, or its node for global services. */
export function slotKey(t: Task): string {
  return `${t.serviceId}/${t.slot !== undefined ? `s${t.slot}` : `n${t.nodeId ?? ''}`}`;
}

export function bucketTasks(tasks: readonly Task[], options: BucketOptions): Map<TaskBucket, Task[]> {
  const latestFailure = new Map<string, Task>();
  const runningSlots = new Set<string>();
  for (const t of tasks) {
    const slot = slotKey(t);
    if (isCurrentTask(t) && t.state === 'running') runningSlots.add(slot);
    if (t.state === 'failed' || t.state === 'rejected') {
      const prev = latestFailure.get(slot);
      if (!prev || time(t.timestamp) > time(prev.timestamp)) latestFailure.set(slot, t);
    }
  }
  const out = new Map<TaskBucket, Task[]>();
  const put = (b: TaskBucket, t: Task): void => { const l = out.get(b); if (l) l.push(t); else out.set(b, [t]); };
  for (const t of tasks) put(bucketOf(t, options, latestFailure, runningSlots), t);
  return out;
}

function bucketOf(t: Task, o: BucketOptions, latestFailure: ReadonlyMap<string, Task>, runningSlots: ReadonlySet<string>): TaskBucket {
  if (t.state === 'failed' || t.state === 'rejected') {
    const slot = slotKey(t);
    const latest = latestFailure.get(slot) === t;
    const recent = o.now - time(t.timestamp) < o.recentFailureMs;
    return latest && (!runningSlots.has(slot) || recent) ? t.state : 'history';
  }
  if (!isCurrentTask(t)) return 'history';
  if (t.state === 'running') return 'running';
  if (t.state === 'complete') return 'completed';
  if (isBeforeRunning(t.state)) {
    const waiting = t.state === 'pending' || t.state === 'assigned';
    return waiting && o.now - time(t.timestamp) > o.stuckAfterMs ? 'stuck' : 'starting';
  }
  return 'history';
}

export function problemCount(buckets: ReadonlyMap<TaskBucket, readonly Task[]>): number {
  let n = 0;
  for (const b of PROBLEM_BUCKETS) n += buckets.get(b)?.length ?? 0;
  return n;
}
