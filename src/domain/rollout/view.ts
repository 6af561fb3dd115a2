// The rollout view model: what the rollout webview shows of one service, as plain JSON (it crosses
// the webview boundary and is kept in the webview's state). Built by ./tracker.ts from the cluster
// model; the webview imports these types only.
import type { TaskState, UpdateState } from '../model';

/**
 * One clear phase. `verifying` is the `monitor` wait after the tasks converged; `converging` and
 * `converged` are for changes without an UpdateStatus (a scale clears it); `removed`: the service is gone.
 */
export type PhaseKind =
  | 'updating' | 'verifying' | 'paused' | 'completed'
  | 'rollback_started' | 'rollback_paused' | 'rollback_completed'
  | 'converging' | 'converged' | 'removed';

export interface Phase {
  readonly kind: PhaseKind;
  /** `Updating`, `Rollback paused`, … */
  readonly title: string;
  /** One line: the engine's reason when paused, the countdown's wording while verifying, … */
  readonly detail: string;
  /** The rollout is still moving (a spinner is due). */
  readonly active: boolean;
  /**
   * Verifying: how long the `monitor` wait still runs, as of this view. A duration, not a time: the
   * webview may run on another machine (a browser on a remote workbench), so it counts down from
   * when it received the view on its own clock.
   */
  readonly verifyRemainingMs?: number;
  /** Stopped on a failure: the update or the rollback paused. */
  readonly failed: boolean;
}

export interface PolicyView {
  /** `update` (UpdateConfig) or `rollback` (RollbackConfig): the one in force. */
  readonly of: 'update' | 'rollback';
  readonly parallelism: number;
  readonly delayMs: number;
  readonly monitorMs: number;
  readonly failureAction: string;
  readonly maxFailureRatio: number;
  readonly order: string;
  /** True when the spec has no such config and Swarm's defaults apply. */
  readonly defaults: boolean;
}

export interface ChangeView {
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
}

export type ActionId = 'rollback' | 'logs' | 'reveal' | 'specDiff';

export interface ActionState {
  readonly enabled: boolean;
  /** Why it is disabled (shown as its tooltip), or what it will do. */
  readonly reason: string;
}

export interface RolloutHeader {
  readonly serviceId: string;
  readonly serviceName: string;
  readonly mode: 'replicated' | 'global' | 'replicated-job' | 'global-job';
  readonly image: string;
  /** The image of `PreviousSpec`, when it differs from the current one. */
  readonly previousImage?: string;
  /** Spec fields that differ from `PreviousSpec` (empty without one). */
  readonly changes: readonly ChangeView[];
  readonly policy: PolicyView;
  readonly status?: { readonly state: UpdateState; readonly message: string; readonly startedAt?: string; readonly completedAt?: string };
  readonly phase: Phase;
  /** Tasks running (jobs: completed) of the current spec, out of the target, by the docker CLI's rule. */
  readonly done: number;
  readonly target: number;
  /** `3 out of 5 tasks`, `rolling back update: 3 out of 5 tasks` (the CLI's wording). */
  readonly overall: string;
  readonly actions: Readonly<Record<ActionId, ActionState>>;
}

export interface TaskCell {
  readonly taskId: string;
  readonly state: TaskState;
  readonly desiredState: TaskState;
  /** The image without a pinned digest. */
  readonly image: string;
}

/** How a row reads at a glance (its colour in the webview). */
/** `stopping`: the slot's task is being shut down or removed (scaled down) and nothing replaces it yet. */
export type RowStatus = 'done' | 'progress' | 'waiting' | 'failed' | 'down' | 'stopping';

export interface SlotRow {
  /** The slot number, or the node id for global services. */
  readonly key: string;
  /** `1`, `2`, … or the node's hostname. */
  readonly label: string;
  readonly node?: string;
  /** The most recent task of an older spec in this slot (what is being replaced). */
  readonly old?: TaskCell;
  /** The task of the current spec that counts for this slot (the docker CLI's choice). */
  readonly current?: TaskCell;
  /** The current task's state index out of 9 (new = 1 … running = 9), 0 without one. */
  readonly bar: number;
  readonly status: RowStatus;
  /** The full error of the latest failed task of this slot in this rollout. */
  readonly error?: string;
}

export type TimelineKind =
  | 'rollout-started' | 'task-started' | 'task-failed' | 'task-replaced' | 'node-down' | 'node-up'
  | 'update-paused' | 'update-completed' | 'rollback-started' | 'rollback-paused' | 'rollback-completed'
  | 'task-failure-detected' | 'verified' | 'removed';

export interface TimelineEntry {
  /** Stable across observations, so an entry is added once. */
  readonly id: string;
  /** ISO time: the engine's timestamp when the entry is about a task state, else when it was seen. */
  readonly at: string;
  readonly kind: TimelineKind;
  readonly text: string;
}

export interface RolloutView {
  readonly header: RolloutHeader;
  /** Slots in numeric order, nodes by hostname. */
  readonly rows: readonly SlotRow[];
  /** Newest first. */
  readonly timeline: readonly TimelineEntry[];
}

/** The longest timeline kept (oldest entries drop off). */
export const MAX_TIMELINE = 300;
