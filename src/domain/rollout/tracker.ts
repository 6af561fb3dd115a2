// The rollout of one service as a view model, observation after observation (each store change, and
// the end of a `monitor` wait): the docker CLI's convergence rule and verifier decide progress and
// verification, the Engine's UpdateStatus the phase, successive observations the timeline. Pure: the
// caller passes what the store holds and the time.
import type { Service, SwarmNode, Task } from '../model';
import { shortImage } from '../names';
import { activeNodeIds, serviceProgress, type ServiceProgress } from '../progress/serviceProgress';
import { ConvergenceVerifier, type Verdict } from '../progress/verifier';
import { actionStates, type Availability } from './actions';
import { isRollback, overallText, policyInForce, rolloutPhase } from './phase';
import { slotRows } from './rows';
import { mergeTimeline, timelineEntries, type Observed } from './timeline';
import { type RolloutHeader, type RolloutView, type TimelineEntry } from './view';

export interface RolloutInput {
  /** undefined once the service is gone */
  readonly service: Service | undefined;
  /** Tasks the store holds (other services' are ignored). */
  readonly tasks: readonly Task[];
  readonly nodes: readonly SwarmNode[];
  readonly available: Availability;
  /** epoch ms */
  readonly now: number;
}

const EMPTY_PROGRESS: ServiceProgress = { target: 0, done: 0, active: 0, converged: false, waitingForTasks: false, units: [] };

/** One rollout: a new UpdateStatus, or (without one, as after a scale) a new task spec or mode. */
function rolloutKey(s: Service): string {
  return s.updateStatus?.startedAt ?? `${s.taskSpecDigest}|${JSON.stringify(s.mode)}`;
}

function rolloutStart(s: Service, now: number): number {
  const t = Date.parse(s.updateStatus?.startedAt ?? s.updatedAt);
  return Number.isFinite(t) && t > 0 ? t : now;
}

/**
 * When the counted tasks all reached their state (engine time), if they all did, and not before the
 * rollout began (a scale down leaves tasks that have run for long: the wait still follows the scale).
 */
function convergedSince(p: ServiceProgress, rolloutStart: number): number | undefined {
  if (!p.converged || p.units.length === 0) return undefined;
  const times = p.units.map((u) => Date.parse(u.task.timestamp));
  return times.every(Number.isFinite) ? Math.max(rolloutStart, ...times) : undefined;
}

export class RolloutTracker {
  private verifier = new ConvergenceVerifier();
  private key: string | undefined;
  private since = 0;
  private last: Observed | undefined;
  private lastService: Service | undefined;
  /** The image before the current spec, when PreviousSpec no longer says (after a rollback). */
  private priorImage: string | undefined;
  private timeline: TimelineEntry[];
  private readonly ids: Set<string>;

  /** `timeline`: entries restored from a previous view of the same service (a reloaded window). */
  constructor(readonly serviceId: string, timeline: readonly TimelineEntry[] = []) {
    this.timeline = [...timeline];
    this.ids = new Set(timeline.map((e) => e.id));
  }

  observe(input: RolloutInput): RolloutView {
    const { service, now } = input;
    const tasks = input.tasks.filter((t) => t.serviceId === this.serviceId);
    if (service) this.startRolloutIfNew(service, now);
    const progress = service ? serviceProgress(service, tasks, activeNodeIds(input.nodes)) : EMPTY_PROGRESS;
    const verdict = service ? this.verdict(service, progress, now) : { state: 'converging' as const, taskFailed: false };
    const observed: Observed = { service, tasks, nodes: input.nodes, verdict };
    this.addEntries(timelineEntries(this.last, observed, this.since, new Date(now).toISOString()));
    if (this.last?.service && service && this.last.service.image !== service.image) this.priorImage = this.last.service.image;
    this.last = observed;
    const shown = service ?? this.lastService;
    if (service) this.lastService = service;
    return {
      header: this.header(shown, service, progress, verdict, input.available),
      rows: service ? slotRows({ service, tasks, nodes: input.nodes, progress, since: this.since }) : [],
      timeline: this.timeline,
    };
  }

  /**
   * The CLI stops watching once a service converged; a view goes on: when the tasks no longer look
   * converged (a task died, a node went down), the wait starts over.
   */
  private verdict(service: Service, progress: ServiceProgress, now: number): Verdict {
    const since = convergedSince(progress, this.since);
    const verdict = this.verifier.observe(service, progress, now, since);
    if (verdict.state !== 'converged' || progress.converged) return verdict;
    this.verifier = new ConvergenceVerifier();
    return this.verifier.observe(service, progress, now, since);
  }

  private startRolloutIfNew(service: Service, now: number): void {
    const key = rolloutKey(service);
    if (key === this.key) return;
    // The first observation, or a new rollout: the CLI would start a new wait for it.
    if (this.key !== undefined) this.verifier = new ConvergenceVerifier();
    this.key = key;
    this.since = rolloutStart(service, now);
  }

  private addEntries(entries: readonly TimelineEntry[]): void {
    const fresh = entries.filter((e) => !this.ids.has(e.id));
    if (fresh.length === 0) return;
    for (const e of fresh) this.ids.add(e.id);
    this.timeline = mergeTimeline(this.timeline, fresh);
  }

  private header(shown: Service | undefined, service: Service | undefined, progress: ServiceProgress, verdict: Verdict, can: Availability): RolloutHeader {
    const s = shown;
    const previous = service?.previousSpec?.image ?? this.priorImage;
    const image = s ? shortImage(s.image) : '';
    return {
      serviceId: this.serviceId,
      serviceName: s?.name ?? this.serviceId.slice(0, 12),
      mode: s?.mode.kind ?? 'replicated',
      image,
      previousImage: previous && shortImage(previous) !== image ? shortImage(previous) : undefined,
      changes: service?.previousSpec?.changes ?? [],
      policy: policyInForce(s),
      status: s?.updateStatus,
      phase: rolloutPhase(service, verdict),
      done: progress.done,
      target: progress.target,
      overall: overallText(progress.done, progress.target, isRollback(s)),
      actions: actionStates(service, can),
    };
  }
}
