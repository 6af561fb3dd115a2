// What the docker CLI does after `service update/scale/rollback` once tasks look converged: it waits
// `UpdateConfig.Monitor` (default 5 s) "to verify that tasks are stable", restarts that wait when a
// task fails in it ("Detected task failure"), and gives up at once when the update pauses. An
// `UpdateStatus` of `completed` means SwarmKit has verified the update itself. Pure: fed the
// service, its progress and the time; the caller observes on every store change (and on a timer
// while verifying, for the countdown).
import { isJob, type Service } from '../model';
import type { ServiceProgress } from './serviceProgress';

export const DEFAULT_MONITOR_MS = 5_000;

export type Verdict =
  | { readonly state: 'converging'; readonly taskFailed: boolean }
  | { readonly state: 'verifying'; readonly remainingMs: number }
  | { readonly state: 'converged' }
  /** The update or rollback paused: the message is the CLI's ("service update paused: …"). */
  | { readonly state: 'paused'; readonly message: string };

export function monitorMs(service: Service): number {
  const ns = service.updateConfig?.monitorNs ?? 0;
  return ns > 0 ? ns / 1e6 : DEFAULT_MONITOR_MS;
}

export class ConvergenceVerifier {
  private convergedAt: number | undefined;
  /** The previous observation's convergence (the CLI's `converged`). */
  private lastConverged = false;

  /**
   * `since` (optional): when the tasks that now look converged reached that state, from the engine's
   * task timestamps, so that a view opened long after a service converged does not wait `monitor`
   * again; never later than `now`. Without it the wait starts at the first converged observation,
   * as the CLI's does.
   */
  observe(service: Service, progress: ServiceProgress, now: number, since?: number): Verdict {
    const status = service.updateStatus;
    if (status?.state === 'paused') return { state: 'paused', message: `service update paused: ${status.message}` };
    if (status?.state === 'rollback_paused') return { state: 'paused', message: `service rollback paused: ${status.message}` };
    // SwarmKit verified it (its own monitor period ran): nothing left to wait for.
    if (status?.state === 'completed' && !this.lastConverged) return { state: 'converged' };
    const monitor = monitorMs(service);
    if (this.convergedAt !== undefined && now - this.convergedAt >= monitor) return { state: 'converged' };
    this.lastConverged = progress.converged;
    if (progress.converged) {
      if (isJob(service)) return { state: 'converged' };  // jobs stay done once done: no verification
      this.convergedAt ??= Math.min(now, since ?? now);
      const remainingMs = monitor - (now - this.convergedAt);
      // Only with `since`: the tasks were already stable for `monitor` before we looked.
      if (remainingMs <= 0) return { state: 'converged' };
      return { state: 'verifying', remainingMs };
    }
    const taskFailed = this.convergedAt !== undefined;
    this.convergedAt = undefined;
    return { state: 'converging', taskFailed };
  }
}
