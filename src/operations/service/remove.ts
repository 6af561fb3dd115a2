// Remove a service (`docker service rm`): the confirmation gives its task count and its stack.
import { dockerCommand } from '../../domain/cliCommand';
import { OperationError, proceed, type Operation, type OperationContext } from '../operation';
import { waitForView } from '../waitFor';
import { currentService } from './serviceUpdate';

export function removeService(ctx: OperationContext, serviceId: string): Operation {
  const name = ctx.view.get('service', serviceId)?.name ?? serviceId;
  return {
    title: `Removing ${name}`,
    destructive: true,
    check() {
      const service = currentService(ctx, serviceId);
      const tasks = ctx.view.all('task').filter((t) => t.serviceId === serviceId && t.desiredState === 'running').length;
      const stack = service.stack
        ? ` It belongs to stack ${service.stack}: the stack stays, without it, until "docker stack deploy" creates it again.` : '';
      return proceed({ message: `Remove service ${service.name} from ${ctx.cluster}?`,
        detail: `${tasks === 1 ? 'Its 1 task stops and its container is' : `Its ${tasks} tasks stop and their containers are`} removed.${stack}`, action: 'Remove' });
    },
    async run(progress, signal) {
      const service = currentService(ctx, serviceId);
      ctx.log.cli(dockerCommand('service', 'rm', service.name));
      await ctx.api.removeService(serviceId, signal);
      progress.report('waiting for the swarm to show it');
      await waitForView(ctx.view, { check: () => (ctx.view.get('service', serviceId) ? undefined : true), timeoutMs: ctx.waitMs, signal,
        timedOut: () => new OperationError(`${service.name} is still listed.`, 'The Engine accepted the removal but the list has not shown it yet.', 'Refresh the view.') });
      return { message: `${service.name} was removed from ${ctx.cluster}.` };
    },
  };
}
