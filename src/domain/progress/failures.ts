// Failed attempts of a service's current spec, as a rollout's progress names them: tasks of the
// up-to-date spec that failed or were rejected since the change started, per slot (or node). The
// restart policy retries them forever by default, so "does not converge" is decided here: a slot
// that failed `MAX_ATTEMPTS` times is not going to make it. Pure.
import type { Service, Task } from '../model';

export const MAX_ATTEMPTS = 3;

export interface Failures {
  readonly count: number;
  /** The most failed attempts of any one slot or node. */
  readonly worst: number;
  /** `web.2 on node3: task: non-zero exit (1)`, newest first, one per distinct error and slot. */
  readonly errors: readonly string[];
  readonly hopeless: boolean;
}

const FAILED = new Set(['failed', 'rejected']);

/** `since`: epoch ms of the change (the service's UpdatedAt, the Engine's clock like the tasks'). */
export function failuresSince(service: Service, tasks: readonly Task[], since: number, hostname: (nodeId: string) => string | undefined): Failures {
  const failed = tasks
    .filter((t) => t.serviceId === service.id && t.specDigest === service.taskSpecDigest && FAILED.has(t.state) && Date.parse(t.createdAt) >= since)
    .sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  const perUnit = new Map<string, number>();
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const t of failed) {
    const unit = t.slot !== undefined ? String(t.slot) : t.nodeId ?? '';
    perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
    const node = t.nodeId ? hostname(t.nodeId) ?? t.nodeId.slice(0, 12) : 'no node';
    const text = `${service.name}.${t.slot ?? node}${t.slot !== undefined ? ` on ${node}` : ''}: ${t.error ?? t.message}`;
    if (!seen.has(text)) { seen.add(text); errors.push(text); }
  }
  const worst = Math.max(0, ...perUnit.values());
  return { count: failed.length, worst, errors, hopeless: worst >= MAX_ATTEMPTS };
}
