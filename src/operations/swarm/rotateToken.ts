// Rotate a join token (`docker swarm join-token --rotate worker|manager`): the old token stops
// admitting machines; nodes already in the swarm are not affected.
import { dockerCommand } from '../../domain/cliCommand';
import type { OpenSpec } from '../../domain/specs/nodeSpec';
import { OperationError, proceed, refuse, type Operation, type OperationContext } from '../operation';
import { applyChange } from '../versionedUpdate';
import { membership } from './membership';

export function rotateJoinToken(ctx: OperationContext, role: 'worker' | 'manager'): Operation {
  return {
    title: `Rotating the ${role} join token`,
    destructive: true,
    check() {
      if (membership(ctx.view.connection) !== 'manager') return refuse(`Join tokens are rotated on a manager; ${ctx.view.endpointLabel} is not one.`);
      return proceed({ message: `Rotate the ${role} join token of ${ctx.cluster}?`,
        detail: `Machines can no longer join as ${role}s with the old token; nodes already in the swarm are not affected.`, action: 'Rotate' });
    },
    async run(progress, signal) {
      ctx.log.cli(dockerCommand('swarm', 'join-token', '--rotate', '-q', role));
      const before = await ctx.api.inspectSwarm(signal);
      await applyChange<OpenSpec>({
        what: 'the swarm',
        read: async (s) => ctx.api.inspectSwarm(s),
        write: (version, spec, s) => ctx.api.rotateJoinToken(version, spec, role, s),
      }, (spec) => spec, ctx.log, signal);
      progress.report('checking the new token');
      const after = await ctx.api.inspectSwarm(signal);
      if (after.joinTokens[role] === before.joinTokens[role]) {
        throw new OperationError(`The ${role} join token did not change.`, 'The Engine accepted the request but kept the token.', 'Try again.');
      }
      return { message: `The ${role} join token of ${ctx.cluster} was rotated; Copy Join Token gives the new one.` };
    },
  };
}
