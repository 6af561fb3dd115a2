// swarm.swarm.init: an advertise address (the engine picks when it has one; when it had several,
// the addresses it named are offered), then `docker swarm init`.
import { validateNodeAddress } from '../../domain/validate/swarmInput';
import { DEFAULT_LISTEN_ADDR, initSwarm as init } from '../../operations/swarm/init';
import type { InitRequest } from '../../operations/ports';
import { pickOrType } from '../prompts';
import { swarmAction } from '../runner';

/** Addresses the engine named when it could not choose one, per endpoint. */
const candidates = new Map<string, readonly string[]>();

function hostOf(endpoint: string): string | undefined {
  return /^(?:tcp|ssh):\/\/(?:[^@/]*@)?\[?([^\]/:]+)\]?/.exec(endpoint)?.[1];
}

export const initSwarm = swarmAction<InitRequest>({
  ask: async (ctx) => {
    const endpoint = ctx.view.endpointLabel;
    const offered = [...new Set([...(candidates.get(endpoint) ?? []), ...(hostOf(endpoint) ? [hostOf(endpoint) ?? ''] : [])])];
    const advertise = await pickOrType({
      title: `Initialize a swarm on ${endpoint}: advertise address`,
      placeholder: 'The address other nodes reach this one at (an IP or interface, optional :port)',
      items: [{ label: 'Let the engine choose', description: 'works when it has one address', value: '' },
        ...offered.map((a) => ({ label: a, description: candidates.get(endpoint)?.includes(a) ? 'named by the engine' : 'the endpoint\'s host', value: a }))],
      fromText: (t) => t, validate: (t) => validateNodeAddress(t, 'advertise'),
    });
    return advertise === undefined ? undefined : { advertiseAddr: advertise.trim() || undefined, listenAddr: DEFAULT_LISTEN_ADDR };
  },
  operation: (ctx, request) => init(ctx, request, (addresses) => candidates.set(ctx.view.endpointLabel, addresses)),
});
