// Task states in the order SwarmKit moves a task through them, numbered as the docker CLI's progress
// display numbers them (docker/cli cli/command/service/progress/progress.go): new = 1 … running = 9
// (a progress bar is the state's number out of 9), then the terminal states, used only for ordering.
// `remove` and `orphaned` have no number there: the CLI ignores tasks in them.
import type { TaskState } from './model';

const ORDER: Readonly<Partial<Record<TaskState, number>>> = {
  new: 1, allocated: 2, pending: 3, assigned: 4, accepted: 5, preparing: 6, ready: 7, starting: 8, running: 9,
  complete: 10, shutdown: 11, failed: 12, rejected: 13,
};

/** The state's number (0 for states the CLI's progress ignores). */
export function stateIndex(state: TaskState): number {
  return ORDER[state] ?? 0;
}

/** Running is the last state of a healthy progress bar. */
export const RUNNING_INDEX = 9;

/** Past running: complete, shutdown, failed, rejected (and the unnumbered remove, orphaned). */
export function isTerminal(state: TaskState): boolean {
  const i = stateIndex(state);
  return i === 0 || i > RUNNING_INDEX;
}

/** The states a task passes through on its way to running. */
export function isBeforeRunning(state: TaskState): boolean {
  const i = stateIndex(state);
  return i > 0 && i < RUNNING_INDEX;
}
