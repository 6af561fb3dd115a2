// Following a service until it converges, by the docker CLI's rule (src/domain/progress): tasks of
// the current spec running per slot (or node), then `monitor` seconds without a failure. Observed in
// the store, whose task polling is held at the fast period meanwhile. Used by every action that
// changes a service (scale, image, force restart, rollback, and secret/config rotation).
import { failuresSince } from '../../domain/progress/failures';
import { activeNodeIds, serviceProgress, type ServiceProgress } from '../../domain/progress/serviceProgress';
import { ConvergenceVerifier } from '../../domain/progress/verifier';
import type { Service } from '../../domain/model';
import { OperationError, type OperationContext, type Progress } from '../operation';
import { waitForView } from '../waitFor';

export interface ConvergeOptions {
  readonly serviceId: string;
  /** The version the change was made from: the store must show a newer one before it counts. */
  readonly fromVersion: number;
  /** `UpdateStatus.StartedAt` before the change: a status still carrying it is the previous update's. */
  readonly previousStatusStart?: string;
  readonly progress: Progress;
  readonly signal: AbortSignal;
  readonly steps?: readonly string[];
}

export interface Converged {
  readonly service: Service;
  readonly progress: ServiceProgress;
}

function unitWord(service: Service): string {
  return service.mode.kind === 'replicated-job' || service.mode.kind === 'global-job' ? 'completed' : 'running';
}

export function waitUntilConverged(ctx: OperationContext, options: ConvergeOptions): Promise<Converged> {
  const { view } = ctx;
  const verifier = new ConvergenceVerifier();
  let last = '';
  /** The Engine's time of the change: the first newer version's UpdatedAt (later writes move it on). */
  let since: number | undefined;
  const hostname = (id: string): string | undefined => view.get('node', id)?.hostname;
  const snapshot = (): { service: Service; progress: ServiceProgress } | undefined => {
    const seen = view.get('service', options.serviceId);
    if (!seen) throw new OperationError('The service was removed while this action followed it.', 'Someone removed it meanwhile.', 'Nothing to do.', options.steps);
    if (seen.version <= options.fromVersion) return undefined;
    since ??= Date.parse(seen.updatedAt) - 1000;
    // A status from before the change says nothing about it.
    const service = options.previousStatusStart !== undefined && seen.updateStatus?.startedAt === options.previousStatusStart
      ? { ...seen, updateStatus: undefined } : seen;
    const tasks = view.all('task').filter((t) => t.serviceId === service.id);
    return { service, progress: serviceProgress(service, tasks, activeNodeIds(view.all('node'))) };
  };
  const pending = (service: Service): string[] => [...new Set(view.all('task')
    .filter((t) => t.serviceId === service.id && t.desiredState === 'running' && (t.state === 'pending' || t.state === 'assigned') && (t.error ?? t.message) !== '')
    .map((t) => `${service.name}.${t.slot ?? ''}: ${t.error ?? t.message}`))];

  return waitForView(view, {
    tasks: true,
    tickMs: 1000,
    timeoutMs: ctx.waitMs,
    signal: options.signal,
    steps: options.steps,
    check: () => {
      const now = snapshot();
      if (!now) return undefined;
      const { service, progress } = now;
      const verdict = verifier.observe(service, progress, Date.now());
      const failures = failuresSince(service, view.all('task'), since ?? 0, hostname);
      const failed = failures.count > 0 ? ` · ${failures.count} failed: ${failures.errors[0] ?? ''}` : '';
      const counts = `${progress.done}/${progress.target} ${unitWord(service)}`;
      const message = verdict.state === 'verifying' ? `${counts} · checking they stay up (${Math.ceil(verdict.remainingMs / 1000)} s)` : counts + failed;
      if (message !== last) { last = message; options.progress.report(message, progress.target > 0 ? progress.done / progress.target : undefined); }
      if (verdict.state === 'converged') return now;
      if (verdict.state === 'paused') {
        throw new OperationError(`${service.name}: ${verdict.message}`, 'Swarm paused the rollout because tasks of the new spec failed (update_config failure_action "pause").',
          `Fix the cause${failures.errors.length > 0 ? ` (${failures.errors.slice(0, 3).join('; ')})` : ''}, then update again, or roll back.`, options.steps);
      }
      if (failures.hopeless) {
        throw new OperationError(`${service.name} does not converge: ${failures.errors.slice(0, 3).join('; ')}.`,
          `A task slot failed ${failures.worst} times in a row; Swarm keeps retrying it.`, 'Fix the cause the errors name (image, command, constraints), or roll back.', options.steps);
      }
      return undefined;
    },
    timedOut: () => {
      const now = snapshot();
      const where = now ? `${now.progress.done}/${now.progress.target} ${unitWord(now.service)}` : 'the store has not shown the change yet';
      const stuck = now ? pending(now.service) : [];
      return new OperationError(`${view.get('service', options.serviceId)?.name ?? 'The service'} did not converge within ${Math.round(ctx.waitMs / 1000)} s (${where}).`,
        stuck.length > 0 ? `Tasks are waiting: ${stuck.slice(0, 3).join('; ')}.` : 'Its tasks are still starting or being replaced; Swarm goes on with it.',
        'Watch it in the tree; raise swarm.actions.waitSeconds for slow images.', options.steps);
    },
  });
}
