// Is the cluster moving? While a service converges (tasks starting, stopping, being replaced, an
// update or rollback rolling), task state changes on other nodes are invisible to a manager's event
// stream, so the store re-lists tasks at the fast period; otherwise at the slow one.
// A service can converge forever (a replica no node can take, an image that never starts): once
// none of its tasks has changed for a while it counts as stuck, stops holding the fast period, and
// says why in the scheduler's words.
import type { Service, Task, TaskState } from './model';
import { replicaCounts } from './replicas';

const PRE_RUNNING: ReadonlySet<TaskState> = new Set<TaskState>(
  ['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting']);

const ROLLING = new Set(['updating', 'rollback_started']);

export function serviceIsConverging(service: Service, tasks: readonly Task[]): boolean {
  if (service.updateStatus && ROLLING.has(service.updateStatus.state)) return true;
  if (service.mode.kind === 'replicated-job' || service.mode.kind === 'global-job') return false;
  for (const t of tasks) {
    if (t.serviceId !== service.id) continue;
    if (t.desiredState === 'running' && PRE_RUNNING.has(t.state)) return true;
    if (t.desiredState !== 'running' && t.state === 'running') return true; // stopping
  }
  const { running, desired } = replicaCounts(service, tasks);
  return running !== desired;
}

function tasksByService(tasks: readonly Task[]): Map<string, Task[]> {
  const byService = new Map<string, Task[]>();
  for (const t of tasks) {
    const list = byService.get(t.serviceId);
    if (list) list.push(t); else byService.set(t.serviceId, [t]);
  }
  return byService;
}

export function isConverging(services: readonly Service[], tasks: readonly Task[]): boolean {
  if (services.length === 0) return false;
  const byService = tasksByService(tasks);
  return services.some((s) => serviceIsConverging(s, byService.get(s.id) ?? []));
}

export type ServiceConvergence =
  | { readonly state: 'steady' }
  | { readonly state: 'converging'; readonly since: number }
  /** Converging, but nothing has changed since `lastChange`: polled at the slow period. */
  | { readonly state: 'stuck'; readonly since: number; readonly lastChange: number; readonly reason: string };

const STEADY: ServiceConvergence = { state: 'steady' };

/** What moves when a service makes progress: its spec, its rollout state, and each task's state. */
function fingerprint(service: Service, tasks: readonly Task[]): string {
  const parts = tasks.map((t) => `${t.id}:${t.state}:${t.desiredState}`).sort();
  return `${service.version}|${service.updateStatus?.state ?? ''}|${parts.join(',')}`;
}

/** Why a service is not getting anywhere, in the scheduler's (or the task's) own words. */
export function stuckReason(service: Service, tasks: readonly Task[]): string {
  const waiting = tasks.find((t) => t.desiredState === 'running' && PRE_RUNNING.has(t.state));
  if (waiting) return `${waiting.state}: ${waiting.error ?? waiting.message}`;
  const failed = [...tasks].filter((t) => t.state === 'failed' || t.state === 'rejected')
    .sort((a, b) => b.timestamp.localeCompare(a.timestamp))[0];
  if (failed) return `${failed.state}: ${failed.error ?? failed.message}`;
  if (service.updateStatus?.message) return service.updateStatus.message;
  const { running, desired } = replicaCounts(service, tasks);
  return `${running} of ${desired} tasks running`;
}

interface Track { readonly fingerprint: string; readonly since: number; readonly lastChange: number }

/** A rollout waits on purpose between batches (delay) and after each (monitor): that is not a lack of progress. */
function rolloutPauseMs(service: Service): number {
  const state = service.updateStatus?.state;
  const policy = state === 'rollback_started' ? service.rollbackConfig : state === 'updating' ? service.updateConfig : undefined;
  return policy ? (policy.delayNs + policy.monitorNs) / 1e6 : 0;
}

/** Follows every service's convergence over time (the clock is passed in: pure and testable). */
export class ConvergenceTracker {
  private tracks = new Map<string, Track>();
  private states = new Map<string, ServiceConvergence>();

  constructor(private stuckAfterMs: number) {}

  setStuckAfter(ms: number): void { this.stuckAfterMs = ms; }

  /**
   * Recomputes every service's state from the cache; returns the ids of services that became stuck or
   * stopped being stuck (converging or steady follow from the data the views already have).
   */
  update(services: readonly Service[], tasks: readonly Task[], now: number): string[] {
    const byService = tasksByService(tasks);
    const tracks = new Map<string, Track>();
    const states = new Map<string, ServiceConvergence>();
    const changed: string[] = [];
    for (const s of services) {
      const own = byService.get(s.id) ?? [];
      let state = STEADY;
      if (serviceIsConverging(s, own)) {
        const fp = fingerprint(s, own);
        const old = this.tracks.get(s.id);
        const track = !old ? { fingerprint: fp, since: now, lastChange: now }
          : old.fingerprint === fp ? old : { fingerprint: fp, since: old.since, lastChange: now };
        tracks.set(s.id, track);
        state = now - track.lastChange >= this.stuckAfterMs + rolloutPauseMs(s)
          ? { state: 'stuck', since: track.since, lastChange: track.lastChange, reason: stuckReason(s, own) }
          : { state: 'converging', since: track.since };
      }
      states.set(s.id, state);
      if (((this.states.get(s.id) ?? STEADY).state === 'stuck') !== (state.state === 'stuck')) changed.push(s.id);
    }
    this.tracks = tracks;
    this.states = states;
    return changed;
  }

  get(serviceId: string): ServiceConvergence {
    return this.states.get(serviceId) ?? STEADY;
  }

  /** Some service converges and still moves: tasks are worth re-listing at the fast period. */
  anyMoving(): boolean {
    for (const s of this.states.values()) if (s.state === 'converging') return true;
    return false;
  }
}
