// What happened during a rollout, derived from two successive observations of one service (tasks
// started, failed, replaced; nodes down and back; the UpdateStatus moving; the CLI's verification).
// The first observation of a view seeds it from what the engine recorded (task timestamps, the
// update's start) for everything since the rollout began. Entry ids are stable, so an entry that
// two observations both imply is added once.
import type { Service, SwarmNode, Task, UpdateState } from '../model';
import { shortImage, taskName } from '../names';
import type { Verdict } from '../progress/verifier';
import { MAX_TIMELINE, type TimelineEntry, type TimelineKind } from './view';

export interface Observed {
  readonly service: Service | undefined;
  /** The service's tasks. */
  readonly tasks: readonly Task[];
  readonly nodes: readonly SwarmNode[];
  readonly verdict: Verdict;
}

const STATUS_KIND: Readonly<Record<UpdateState, TimelineKind>> = {
  updating: 'rollout-started', paused: 'update-paused', completed: 'update-completed',
  rollback_started: 'rollback-started', rollback_paused: 'rollback-paused', rollback_completed: 'rollback-completed',
};
const STATUS_TEXT: Readonly<Record<UpdateState, string>> = {
  updating: 'Update started', paused: 'Update paused', completed: 'Update completed',
  rollback_started: 'Rollback started', rollback_paused: 'Rollback paused', rollback_completed: 'Rollback completed',
};

const failed = (t: Task): boolean => t.state === 'failed' || t.state === 'rejected';
const stopping = (t: Task): boolean => t.desiredState === 'shutdown' || t.desiredState === 'remove';

interface Context { readonly service: Service | undefined; readonly nodes: ReadonlyMap<string, SwarmNode>; readonly serviceName: string }

function where(t: Task, c: Context): string {
  const node = t.nodeId ? c.nodes.get(t.nodeId)?.hostname || t.nodeId.slice(0, 12) : undefined;
  return node ? ` on ${node}` : '';
}

function entry(id: string, at: string, kind: TimelineKind, text: string): TimelineEntry {
  return { id, at, kind, text };
}

function taskEntries(t: Task, before: Task | undefined, seen: boolean, nowIso: string, c: Context): TimelineEntry[] {
  const name = `${taskName(t, c.serviceName)} (${shortImage(t.image)})`;
  const out: TimelineEntry[] = [];
  if (t.state === 'running' && before?.state !== 'running' && !stopping(t)) {
    out.push(entry(`${t.id}:running`, t.timestamp, 'task-started', `Task ${name} started${where(t, c)}`));
  }
  if (failed(t) && !(before && failed(before))) {
    const why = t.error ?? t.message;
    out.push(entry(`${t.id}:failed`, t.timestamp, 'task-failed', `Task ${name} ${t.state}${where(t, c)}${why ? `: ${why}` : ''}`));
  }
  // A desired-state change has no timestamp of its own: it is dated when it is first seen.
  if (seen && before && !stopping(before) && stopping(t) && !failed(t)) {
    const what = t.desiredState === 'remove' ? 'removed (scaled down)' : 'replaced';
    out.push(entry(`${t.id}:${t.desiredState}`, nowIso, 'task-replaced', `Task ${name} ${what}`));
  }
  return out;
}

/** `: a:1 → a:2`, or the first changed fields: `: TaskTemplate.ForceUpdate 0 → 1`. */
function changeText(s: Service): string {
  const previous = s.previousSpec;
  if (!previous) return '';
  if (shortImage(previous.image) !== shortImage(s.image)) return `: ${shortImage(previous.image)} → ${shortImage(s.image)}`;
  const shown = previous.changes.slice(0, 2).map((c) => `${c.path} ${c.before ?? '(none)'} → ${c.after ?? '(none)'}`);
  const more = previous.changes.length - shown.length;
  return shown.length === 0 ? '' : `: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function statusEntries(prev: Service | undefined, next: Service | undefined, seed: boolean, nowIso: string): TimelineEntry[] {
  const s = next?.updateStatus;
  const p = prev?.updateStatus;
  const out: TimelineEntry[] = [];
  if (s && (seed || p?.state !== s.state || p.startedAt !== s.startedAt)) {
    const key = s.startedAt ?? nowIso;
    if (seed || !p || p.startedAt !== s.startedAt) {
      out.push(entry(`${key}:updating`, key, 'rollout-started', `Update started${next ? changeText(next) : ''}`));
    }
    if (s.state !== 'updating') {
      const at = s.completedAt ?? nowIso;
      const title = STATUS_TEXT[s.state];
      const said = s.message && s.message.toLowerCase() !== title.toLowerCase() ? `: ${s.message}` : '';
      out.push(entry(`${key}:${s.state}`, at, STATUS_KIND[s.state], `${title}${said}`));
    }
  }
  // A scale (or any spec change without an UpdateStatus, which a scale clears).
  if (next && !s && prev && next.updatedAt !== prev.updatedAt && next.mode.kind === 'replicated' && prev.mode.kind === 'replicated'
      && next.mode.replicas !== prev.mode.replicas) {
    out.push(entry(`scale:${next.updatedAt}`, next.updatedAt || nowIso, 'rollout-started', `Scaled from ${prev.mode.replicas} to ${next.mode.replicas} replicas`));
  }
  return out;
}

function nodeEntries(prev: readonly SwarmNode[], next: readonly SwarmNode[], nowIso: string): TimelineEntry[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  const out: TimelineEntry[] = [];
  for (const n of next) {
    const b = before.get(n.id);
    if (!b || b.state === n.state) continue;
    if (n.state === 'down') out.push(entry(`${n.id}:down:${nowIso}`, nowIso, 'node-down', `Node ${n.hostname} is down`));
    else if (b.state === 'down' && n.state === 'ready') out.push(entry(`${n.id}:up:${nowIso}`, nowIso, 'node-up', `Node ${n.hostname} is ready again`));
  }
  return out;
}

function verdictEntries(prev: Verdict, next: Verdict, nowIso: string, serviceName: string): TimelineEntry[] {
  if (prev.state === 'verifying' && next.state === 'converged') {
    return [entry(`verified:${nowIso}`, nowIso, 'verified', `Service ${serviceName} converged`)];
  }
  if (prev.state === 'verifying' && next.state === 'converging' && next.taskFailed) {
    return [entry(`detected:${nowIso}`, nowIso, 'task-failure-detected', 'Detected task failure: waiting for the tasks again')];
  }
  return [];
}

/**
 * New entries implied by `next` after `prev` (undefined: the first observation; then the entries
 * are what the engine recorded since `since`, the rollout's start in epoch ms). Unordered; the
 * caller sorts.
 */
export function timelineEntries(prev: Observed | undefined, next: Observed, since: number, nowIso: string): TimelineEntry[] {
  const serviceName = next.service?.name ?? prev?.service?.name ?? '';
  const c: Context = { service: next.service, nodes: new Map(next.nodes.map((n) => [n.id, n])), serviceName };
  const before = new Map((prev?.tasks ?? []).map((t) => [t.id, t]));
  const out: TimelineEntry[] = statusEntries(prev?.service, next.service, prev === undefined, nowIso);
  for (const t of next.tasks) {
    const b = before.get(t.id);
    if (!prev && !(Date.parse(t.timestamp) >= since)) continue;
    out.push(...taskEntries(t, b, prev !== undefined && (b !== undefined), nowIso, c));
  }
  if (prev) {
    out.push(...nodeEntries(prev.nodes, next.nodes, nowIso));
    out.push(...verdictEntries(prev.verdict, next.verdict, nowIso, serviceName));
    if (prev.service && !next.service) out.push(entry(`removed:${nowIso}`, nowIso, 'removed', `Service ${serviceName} removed`));
  }
  return out;
}

/**
 * `fresh` entries merged into a timeline, newest first (ties: fresh first, in their order), cut to
 * MAX_TIMELINE. The webview applies the same merge to the entries a patch brings, so both sides agree.
 */
export function mergeTimeline(timeline: readonly TimelineEntry[], fresh: readonly TimelineEntry[]): TimelineEntry[] {
  const at = (e: TimelineEntry): number => Date.parse(e.at) || 0;
  return [...fresh, ...timeline].sort((a, b) => at(b) - at(a)).slice(0, MAX_TIMELINE);
}
