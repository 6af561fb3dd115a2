// swarm.swarm.join: a manager's address and a join token (masked: it is a credential).
import { validateJoinToken, validateRemoteAddress } from '../../domain/validate/swarmInput';
import type { JoinRequest } from '../../operations/ports';
import { DEFAULT_LISTEN_ADDR } from '../../operations/swarm/init';
import { joinSwarm as join } from '../../operations/swarm/join';
import { askText } from '../prompts';
import { swarmAction } from '../runner';

export const joinSwarm = swarmAction<JoinRequest>({
  ask: async (ctx) => {
    const endpoint = ctx.view.endpointLabel;
    const remote = await askText({ title: `Join ${endpoint} to a swarm (1/2)`, prompt: 'Address of a manager of the swarm (host:port; port 2377 by default)',
      placeholder: '10.0.0.1:2377', validate: validateRemoteAddress });
    if (remote === undefined) return undefined;
    const token = await askText({ title: `Join ${endpoint} to a swarm (2/2)`, prompt: 'Join token ("docker swarm join-token -q worker" or "manager" on a manager prints it)',
      password: true, validate: validateJoinToken });
    if (token === undefined) return undefined;
    return { remoteAddrs: [remote.trim()], joinToken: token.trim(), listenAddr: DEFAULT_LISTEN_ADDR };
  },
  operation: (ctx, request) => join(ctx, request),
});
