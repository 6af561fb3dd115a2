// What every action is, whatever starts it (a tree menu, the palette, a test): a check that refuses
// with a reason or asks for confirmation stating the impact, then a run that reports progress,
// honours cancellation and resolves when the store shows the result. Pure: the VS Code command
// runner (src/commands/runner.ts) shows the check and the progress; tests call the same objects.
import type { ClusterView } from '../store/types';
import type { ActionLog, NodeEngines, SwarmWriteApi } from './ports';

export interface OperationContext {
  readonly view: ClusterView;
  readonly api: SwarmWriteApi;
  readonly log: ActionLog;
  /** The cluster as the user knows it (context name or endpoint), for confirmations. */
  readonly cluster: string;
  /** How long to wait for the store to show a result before reporting what is still missing. */
  readonly waitMs: number;
  /** Engines reachable per node (Docker contexts), for actions that must run on a given node. */
  readonly engines?: NodeEngines;
}

export interface Confirmation {
  /** One line: the action, the object and the cluster. */
  readonly message: string;
  /** The impact, in full. */
  readonly detail?: string;
  /** The button that goes ahead ("Drain", "Force remove"). */
  readonly action: string;
}

export type Check =
  | { readonly kind: 'refuse'; readonly reason: string }
  /**
   * `confirm` is asked for destructive actions (and for the others unless the user turned that
   * off); `warnings` are asked always, after it (quorum risks, second confirmations of a force).
   */
  | { readonly kind: 'proceed'; readonly confirm: Confirmation; readonly warnings: readonly Confirmation[] };

export interface Progress {
  /** What is happening now ("2/5 running"); `fraction` 0..1 when known. */
  report(message: string, fraction?: number): void;
}

export interface Outcome {
  readonly message: string;
  /** Done, but not as hoped (e.g. tasks that could not be rescheduled): shown as a warning. */
  readonly warning?: boolean;
}

export interface Operation {
  /** The progress notification's title: "Draining node3". */
  readonly title: string;
  readonly destructive: boolean;
  /**
   * The rollout this starts, for the rollout view: a scale, or an update/rollback that Swarm tracks
   * in the service's UpdateStatus (which the view's follower sees by itself).
   */
  readonly rollout?: { readonly serviceId: string; readonly tracked: boolean };
  check(): Check | Promise<Check>;
  run(progress: Progress, signal: AbortSignal): Promise<Outcome>;
}

/** A failure an operator can act on: what happened, what it means, what to do next. */
export class OperationError extends Error {
  override readonly name = 'OperationError';
  constructor(
    message: string,
    readonly meaning: string,
    readonly next: string,
    /** Multi-step actions: the steps that ran, with their results. */
    readonly steps: readonly string[] = [],
  ) { super(message); }
}

/** The user pressed Cancel: nothing more is sent; what ran is reported. */
export class Cancelled extends Error {
  override readonly name = 'Cancelled';
  constructor(readonly steps: readonly string[] = []) { super('Cancelled.'); }
}

export function proceed(confirm: Confirmation, ...warnings: Confirmation[]): Check {
  return { kind: 'proceed', confirm, warnings };
}

export function refuse(reason: string): Check {
  return { kind: 'refuse', reason };
}

export function throwIfAborted(signal: AbortSignal, steps: readonly string[] = []): void {
  if (signal.aborted) throw new Cancelled(steps);
}
