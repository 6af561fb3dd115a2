// The rollout's one phase, from the Engine's UpdateStatus and the docker CLI's verdict
// (../progress/verifier.ts), the update policy in force, and the overall line in the CLI's words.
import type { Service, UpdatePolicy } from '../model';
import type { Verdict } from '../progress/verifier';
import type { Phase, PhaseKind, PolicyView } from './view';

/** SwarmKit's defaults when a spec has no UpdateConfig / RollbackConfig (`docker service inspect --pretty`). */
const DEFAULT_POLICY: UpdatePolicy = { parallelism: 1, delayNs: 0, failureAction: 'pause', monitorNs: 5e9, maxFailureRatio: 0, order: 'stop-first' };

/** A rollback in progress or done: the CLI then reads `rolling back update: …`. */
export function isRollback(service: Service | undefined): boolean {
  return service?.updateStatus?.state.startsWith('rollback_') === true;
}

export function policyInForce(service: Service | undefined): PolicyView {
  const of = isRollback(service) ? 'rollback' : 'update';
  const given = of === 'rollback' ? service?.rollbackConfig : service?.updateConfig;
  const p = given ?? DEFAULT_POLICY;
  return {
    of, parallelism: p.parallelism, delayMs: p.delayNs / 1e6, monitorMs: (p.monitorNs || DEFAULT_POLICY.monitorNs) / 1e6,
    failureAction: p.failureAction, maxFailureRatio: p.maxFailureRatio, order: p.order, defaults: given === undefined,
  };
}

export function overallText(done: number, target: number, rollback: boolean): string {
  return `${rollback ? 'rolling back update: ' : ''}${done} out of ${target} tasks`;
}

const TITLES: Readonly<Record<PhaseKind, string>> = {
  updating: 'Updating', verifying: 'Verifying', paused: 'Update paused', completed: 'Update completed',
  rollback_started: 'Rolling back', rollback_paused: 'Rollback paused', rollback_completed: 'Rollback completed',
  converging: 'Converging', converged: 'Converged', removed: 'Service removed',
};

function phase(kind: PhaseKind, detail: string, extra: Partial<Phase> = {}): Phase {
  const active = kind === 'updating' || kind === 'verifying' || kind === 'rollback_started' || kind === 'converging';
  const failed = kind === 'paused' || kind === 'rollback_paused';
  return { kind, title: TITLES[kind], detail, active, failed, ...extra };
}

/** The countdown's wording, as the CLI prints it (whole seconds, rounded up). */
export function verifyText(remainingMs: number): string {
  const s = Math.max(0, Math.ceil(remainingMs / 1000));
  return `Waiting ${s} second${s === 1 ? '' : 's'} to verify that tasks are stable…`;
}

export function rolloutPhase(service: Service | undefined, verdict: Verdict): Phase {
  if (!service) return phase('removed', 'The service no longer exists.');
  const status = service.updateStatus;
  const message = status?.message ?? '';
  const verifying = verdict.state === 'verifying'
    ? phase('verifying', verifyText(verdict.remainingMs), { verifyRemainingMs: verdict.remainingMs })
    : undefined;
  switch (status?.state) {
    case 'paused': return phase('paused', message);
    case 'rollback_paused': return phase('rollback_paused', message);
    // SwarmKit marks an update completed after its own monitor period: the tasks are stable.
    case 'completed': return phase('completed', message);
    // A rollback is marked completed as soon as its tasks are replaced, maybe before they run; the
    // CLI goes on until they converged and were verified, and so does the view.
    case 'rollback_completed':
      if (verdict.state === 'converged') return phase('rollback_completed', message);
      return verifying ?? phase('rollback_started', 'Swarm marked the rollback completed; its tasks are still starting.');
    case 'updating': return verifying ?? (verdict.state === 'converged'
      ? phase('verifying', 'The tasks converged and are stable; Swarm completes the update after its own monitor period.')
      : phase('updating', verdict.state === 'converging' && verdict.taskFailed ? 'Detected task failure' : message));
    case 'rollback_started': return verifying ?? phase('rollback_started', message);
    case undefined:
      if (verifying) return verifying;
      return verdict.state === 'converged' ? phase('converged', 'Tasks are running and stable.')
        : phase('converging', verdict.state === 'converging' && verdict.taskFailed ? 'Detected task failure' : 'Tasks are starting or stopping.');
  }
}
