// How many of a service's tasks run, against how many it asks for: the `3/5` of `docker service ls`,
// computed from the tasks we hold (ServiceStatus is only in list answers, and goes stale between them).
import type { Service, Task } from './model';

/** The orchestrator wants the task (running, or for jobs, run to completion), as opposed to history. */
export function isCurrentTask(task: Task): boolean {
  return task.desiredState === 'running' || task.desiredState === 'complete';
}

export interface ReplicaCounts {
  /** Current tasks that are running (jobs: running towards completion). */
  readonly running: number;
  /** Replicas for replicated services; tasks meant to run for global ones; completions for jobs. */
  readonly desired: number;
  /** Jobs: tasks that completed. */
  readonly completed: number;
}

/** Counts over `tasks` that belong to `service` (others are ignored). */
export function replicaCounts(service: Service, tasks: readonly Task[]): ReplicaCounts {
  let running = 0;
  let completed = 0;
  let meantToRun = 0;
  let meantToComplete = 0;
  for (const t of tasks) {
    if (t.serviceId !== service.id) continue;
    if (isCurrentTask(t) && t.state === 'running') running++;
    if (t.state === 'complete') completed++;
    if (t.desiredState === 'running') meantToRun++;
    if (t.desiredState === 'complete') meantToComplete++;
  }
  switch (service.mode.kind) {
    case 'replicated': return { running, desired: service.mode.replicas, completed };
    case 'global': return { running, desired: meantToRun, completed };
    case 'replicated-job': return { running, desired: service.mode.totalCompletions, completed };
    case 'global-job': return { running, desired: meantToComplete, completed };
  }
}
