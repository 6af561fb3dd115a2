// Initialize a swarm on the endpoint's engine (`docker swarm init`). Without an advertise address
// the engine picks its only one; with several it refuses and names them, and the next attempt
// offers those (the command remembers them through `lastCandidates`).
import { dockerCommand } from '../../domain/cliCommand';
import { engineMessage } from '../../domain/errors';
import { addressesFromInitError, validateNodeAddress } from '../../domain/validate/swarmInput';
import { OperationError, proceed, refuse, type Operation, type OperationContext } from '../operation';
import type { InitRequest } from '../ports';
import { MEMBERSHIP_TEXT, membership, waitForMembership } from './membership';

export const DEFAULT_LISTEN_ADDR = '0.0.0.0:2377';

export function initSwarm(ctx: OperationContext, request: InitRequest, onCandidates?: (addresses: readonly string[]) => void): Operation {
  const endpoint = ctx.view.endpointLabel;
  return {
    title: `Initializing a swarm on ${endpoint}`,
    destructive: false,
    check() {
      const m = membership(ctx.view.connection);
      if (m === 'manager' || m === 'worker' || m === 'locked') return refuse(`The engine at ${endpoint} is ${MEMBERSHIP_TEXT[m]} already: leave it first to start a new one.`);
      const bad = validateNodeAddress(request.advertiseAddr ?? '', 'advertise') ?? validateNodeAddress(request.listenAddr, 'listen');
      if (bad) return refuse(bad);
      return proceed({
        message: `Initialize a swarm on ${endpoint}${request.advertiseAddr ? `, advertised at ${request.advertiseAddr}` : ''}?`,
        detail: 'This engine becomes the swarm\'s first manager and its leader. Other engines join it with a join token (Copy Join Token).',
        action: 'Initialize',
      });
    },
    async run(progress, signal) {
      ctx.log.cli(dockerCommand('swarm', 'init', request.advertiseAddr && '--advertise-addr', request.advertiseAddr,
        request.listenAddr !== DEFAULT_LISTEN_ADDR && '--listen-addr', request.listenAddr !== DEFAULT_LISTEN_ADDR && request.listenAddr));
      let nodeId: string;
      try {
        nodeId = await ctx.api.initSwarm(request, signal);
      } catch (e) {
        const candidates = addressesFromInitError(engineMessage(e));
        if (candidates.length === 0) throw e;
        onCandidates?.(candidates.map((c) => c.address));
        throw new OperationError(engineMessage(e), 'The engine has several addresses and cannot tell which one the other nodes should reach it at.',
          `Run Initialize again and choose one: ${candidates.map((c) => `${c.address}${c.iface ? ` (${c.iface})` : ''}`).join(', ')}.`);
      }
      progress.report('waiting for the new swarm to answer');
      await waitForMembership(ctx, ['manager'], signal);
      return { message: `A swarm was initialized on ${endpoint} (node ${nodeId.slice(0, 12)} is its first manager). Others join with a join token.` };
    },
  };
}
