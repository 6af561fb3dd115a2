// Unlock a swarm locked by autolock (`docker swarm unlock`), with the key the user types masked. The
// key is never logged: the CLI equivalent prompts for it too.
import { dockerCommand } from '../../domain/cliCommand';
import { validateUnlockKey } from '../../domain/validate/swarmInput';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import { membership, waitForMembership } from './membership';

export function unlockSwarm(ctx: OperationContext, unlockKey: string): Operation {
  const endpoint = ctx.view.endpointLabel;
  return {
    title: `Unlocking the swarm on ${endpoint}`,
    destructive: false,
    check() {
      if (membership(ctx.view.connection) !== 'locked') return refuse(`The swarm at ${endpoint} is not locked.`);
      const bad = validateUnlockKey(unlockKey);
      if (bad) return refuse(bad);
      return proceed({ message: `Unlock the swarm on ${endpoint}?`, action: 'Unlock' });
    },
    async run(progress, signal) {
      ctx.log.cli(dockerCommand('swarm', 'unlock'));
      await ctx.api.unlockSwarm(unlockKey.trim(), signal);
      progress.report('waiting for the manager to answer');
      await waitForMembership(ctx, ['manager', 'worker'], signal);
      return { message: `The swarm on ${endpoint} is unlocked.` };
    },
  };
}
