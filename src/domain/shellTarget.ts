// Where a shell into a task's container can be opened. Exec is not a swarm call: only the engine of
// the node that runs the container can start it (`POST /containers/{id}/exec` on that node). That is
// the engine the extension talks to when the task runs on that node, or another endpoint of the
// user's (a Docker context) whose engine reports that node's id. Pure: the checks and the words.
import type { SwarmNode, Task } from './model';
import { truncateId } from './logs/prefix';
import { taskName } from './names';

/** Why no shell can be opened in this task at all, or undefined. */
export function shellRefusal(task: Task, serviceName: string): string | undefined {
  const name = taskName(task, serviceName);
  if (!task.containerId) return `Task ${name} has no container (it is ${task.state}): there is nothing to open a shell in.`;
  if (task.state !== 'running') return `Task ${name} is ${task.state}, not running: a shell needs a running container.`;
  if (!task.nodeId) return `Task ${name} is not assigned to a node yet.`;
  return undefined;
}

/** The command a user can run on the task's node (or against its engine) to get the same shell. */
export function execCommand(task: Task): string {
  return `docker exec -it ${truncateId(task.containerId ?? '')} sh`;
}

/** Why the node's engine cannot be reached, and what works instead. */
export function unreachableNode(task: Task, node: SwarmNode | undefined, endpoint: string): { message: string; next: string } {
  const where = node ? `node ${node.hostname}` : `node ${task.nodeId ?? '?'}`;
  const addr = node?.addr ? ` (${node.addr})` : '';
  return {
    message: `The container runs on ${where}${addr}, whose engine this extension cannot reach: it talks to ${endpoint}, `
      + 'and no Docker context\'s engine reports that node\'s id.',
    next: `Run "${execCommand(task)}" on ${where}, or create a Docker context for its engine `
      + `("docker context create ${node?.hostname ?? 'NODE'} --docker host=ssh://USER@${node?.addr || 'HOST'}") and try again.`,
  };
}

/** The shell to start: bash where the image has it, else sh (busybox and alpine images have only sh). */
export const SHELL_COMMAND: readonly string[] = ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi'];
