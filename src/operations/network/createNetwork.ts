// Create network… (`docker network create --driver overlay [--attachable] [--internal] [--subnet X] NAME`):
// a swarm-scoped overlay network, checked first against SwarmKit's name rule and for a valid subnet.
import { dockerCommand } from '../../domain/cliCommand';
import { checkNetworkName, parseSubnet } from '../../domain/resources/validate';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import type { NetworkCreate } from '../ports';
import { waitForPresence } from '../presence';

export interface CreateNetworkParams {
  readonly name: string;
  readonly attachable: boolean;
  readonly internal: boolean;
  /** Empty: the Engine picks one from its default address pool. */
  readonly subnet: string;
}

export function networkCommand(p: CreateNetworkParams): string {
  return dockerCommand('network', 'create', '--driver', 'overlay', p.attachable && '--attachable', p.internal && '--internal',
    ...(p.subnet.trim() ? ['--subnet', p.subnet.trim()] : []), p.name);
}

export function createNetwork(ctx: OperationContext, params: CreateNetworkParams): Operation {
  return {
    title: `Creating network ${params.name}`,
    destructive: false,
    check() {
      const nameProblem = checkNetworkName(params.name, ctx.view.all('network').map((n) => n.name));
      if (nameProblem) return refuse(nameProblem);
      const subnet = params.subnet.trim() ? parseSubnet(params.subnet) : undefined;
      if (typeof subnet === 'string') return refuse(subnet);
      const traits = [params.attachable ? 'attachable (standalone containers may join it)' : 'for services only',
        params.internal ? 'internal (no traffic to or from outside the network)' : 'with outside access',
        subnet ? `subnet ${subnet.cidr}` : 'a subnet from the default address pool'];
      return proceed({ message: `Create overlay network ${params.name} on ${ctx.cluster}?`, detail: `An overlay network of swarm scope, ${traits.join(', ')}.`, action: 'Create' });
    },
    async run(progress, signal) {
      const subnet = params.subnet.trim() ? parseSubnet(params.subnet) : undefined;
      const request: NetworkCreate = { name: params.name, attachable: params.attachable, internal: params.internal,
        ...(subnet && typeof subnet !== 'string' ? { subnet } : {}) };
      ctx.log.cli(networkCommand(params));
      const id = await ctx.api.createNetwork(request, signal);
      progress.report('waiting for the swarm to show it');
      await waitForPresence(ctx, 'network', id, true, `network ${params.name}`, signal);
      return { message: `Network ${params.name} created.` };
    },
  };
}
