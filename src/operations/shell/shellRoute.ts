// Where "Open shell" can exec: on the engine the extension talks to when the task runs on that very
// node, else on the engine of the task's node found among the user's Docker contexts (its /info
// reports that node id). Otherwise it says why not and which command would work on that node.
import type { Task } from '../../domain/model';
import { execCommand, shellRefusal, unreachableNode } from '../../domain/shellTarget';
import { OperationError, type OperationContext } from '../operation';
import { current } from '../presence';
import type { ShellStreams } from '../streams';

export interface ShellRoute {
  readonly task: Task;
  readonly shell: ShellStreams;
  /** Where it runs, for the terminal's name and the log: `node2 via Docker context "node2" (…)`. */
  readonly where: string;
  /** The docker CLI command that opens the same shell. */
  readonly command: string;
}

export async function shellRoute(ctx: OperationContext, local: ShellStreams, taskId: string, signal?: AbortSignal): Promise<ShellRoute> {
  const task = current(ctx, 'task', taskId);
  const serviceName = ctx.view.get('service', task.serviceId)?.name ?? task.serviceId.slice(0, 12);
  const refusal = shellRefusal(task, serviceName);
  if (refusal) throw new OperationError(refusal, 'Exec needs a running container.', 'Pick a running task of the service.');
  const node = ctx.view.get('node', task.nodeId ?? '');
  const hostname = node?.hostname ?? task.nodeId ?? '';
  const connection = ctx.view.connection;
  const selfId = connection.status === 'live' ? connection.info.nodeId : undefined;
  const command = execCommand(task);
  if (task.nodeId === selfId) return { task, shell: local, where: `${hostname} (${ctx.api.endpointLabel})`, command };
  const engine = await ctx.engines?.find(task.nodeId ?? '', signal);
  if (engine) return { task, shell: engine.shell, where: `${hostname} via ${engine.label}`, command };
  const why = unreachableNode(task, node, ctx.api.endpointLabel);
  throw new OperationError(why.message, 'Only the engine of the node that runs a container can exec in it; the swarm API does not relay it.', why.next);
}
