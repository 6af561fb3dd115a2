// Join the endpoint's engine to a swarm (`docker swarm join --token … <manager>`): the token says
// whether it joins as a worker or as a manager.
import { dockerCommand } from '../../domain/cliCommand';
import { validateJoinToken, validateNodeAddress, validateRemoteAddress } from '../../domain/validate/swarmInput';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import type { JoinRequest } from '../ports';
import { MEMBERSHIP_TEXT, membership, waitForMembership } from './membership';
import { DEFAULT_LISTEN_ADDR } from './init';

export function joinSwarm(ctx: OperationContext, request: JoinRequest): Operation {
  const endpoint = ctx.view.endpointLabel;
  const remote = request.remoteAddrs.join(', ');
  return {
    title: `Joining ${endpoint} to the swarm at ${remote}`,
    destructive: false,
    check() {
      const m = membership(ctx.view.connection);
      if (m === 'manager' || m === 'worker' || m === 'locked') return refuse(`The engine at ${endpoint} is ${MEMBERSHIP_TEXT[m]} already: leave it first to join another.`);
      const bad = request.remoteAddrs.map(validateRemoteAddress).find(Boolean) ?? validateJoinToken(request.joinToken)
        ?? validateNodeAddress(request.advertiseAddr ?? '', 'advertise') ?? validateNodeAddress(request.listenAddr, 'listen');
      if (bad) return refuse(bad);
      return proceed({ message: `Join ${endpoint} to the swarm at ${remote}?`,
        detail: 'The token decides its role: a worker token makes it a worker (which cannot read the cluster), a manager token a manager.', action: 'Join' });
    },
    async run(progress, signal) {
      // The token is a credential: the logged command leaves it out.
      ctx.log.cli(dockerCommand('swarm', 'join', '--token', '<token>', request.advertiseAddr && '--advertise-addr', request.advertiseAddr,
        request.listenAddr !== DEFAULT_LISTEN_ADDR && '--listen-addr', request.listenAddr !== DEFAULT_LISTEN_ADDR && request.listenAddr, ...request.remoteAddrs));
      await ctx.api.joinSwarm(request, signal);
      progress.report('waiting for the engine to report its new swarm');
      const m = await waitForMembership(ctx, ['manager', 'worker'], signal);
      return { message: m === 'manager'
        ? `${endpoint} joined the swarm at ${remote} as a manager.`
        : `${endpoint} joined the swarm at ${remote} as a worker; workers cannot read the cluster: connect to a manager to see it.` };
    },
  };
}
