// Remove network (`docker network rm NAME`): refused while a service is attached to it, naming them;
// the ingress network (the routing mesh) is confirmed with what its removal breaks.
import { dockerCommand } from '../../domain/cliCommand';
import { stackOf } from '../../domain/model';
import { removalRefusal, servicesUsingNetwork } from '../../domain/resources/usage';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import { current, waitForPresence } from '../presence';

export function removeNetwork(ctx: OperationContext, id: string): Operation {
  const name = ctx.view.get('network', id)?.name ?? id;
  return {
    title: `Removing network ${name}`,
    destructive: true,
    check() {
      const network = current(ctx, 'network', id);
      const refusal = removalRefusal('network', network.name, servicesUsingNetwork(ctx.view.all('service'), network));
      if (refusal) return refuse(refusal);
      const stack = stackOf(network.labels);
      const detail = network.ingress
        ? 'This is the ingress network, the routing mesh: ports published in ingress mode stop answering until an ingress network is created again '
          + '("docker network create --driver overlay --ingress ingress"). The docker CLI warns that every node should run the same engine version first.'
        : `No service uses it.${network.attachable ? ' Standalone containers attached to it keep it in use: the Engine then refuses.' : ''}`
          + `${stack ? ` It belongs to stack ${stack}: deploying the stack again re-creates it.` : ''}`;
      return proceed({ message: `Remove network ${network.name} from ${ctx.cluster}?`, detail, action: 'Remove' });
    },
    async run(progress, signal) {
      const network = current(ctx, 'network', id);
      ctx.log.cli(dockerCommand('network', 'rm', network.name));
      await ctx.api.removeNetwork(id, signal);
      progress.report('waiting for the swarm to show it gone');
      await waitForPresence(ctx, 'network', id, false, `network ${network.name} removed`, signal);
      return { message: `Network ${network.name} removed.` };
    },
  };
}
