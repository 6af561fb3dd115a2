// The endpoint's engine leaves its swarm (`docker swarm leave`). A worker just leaves; a manager
// needs --force, which SwarmKit asks for because the Raft group shrinks without a demotion: a
// second confirmation names that risk with the numbers.
import { dockerCommand } from '../../domain/cliCommand';
import { describeTolerance, majority } from '../../domain/quorum';
import { proceed, refuse, type Operation, type OperationContext } from '../operation';
import { membership, waitForMembership } from './membership';

export function leaveSwarm(ctx: OperationContext): Operation {
  const endpoint = ctx.view.endpointLabel;
  let force = false;
  return {
    title: `Leaving the swarm on ${endpoint}`,
    destructive: true,
    check() {
      const m = membership(ctx.view.connection);
      if (m === 'none') return refuse(`The engine at ${endpoint} is not in a swarm.`);
      if (m === 'unknown') return refuse(`The engine at ${endpoint} does not answer; its swarm state is unknown. Reconnect first.`);
      const leave = { message: `Leave the swarm on ${endpoint}?`, detail: 'Its swarm tasks stop and their containers are removed; the node stays listed as down until a manager removes it.', action: 'Leave' };
      force = m !== 'worker';
      if (m === 'worker') return proceed(leave);
      if (m === 'locked') return proceed(leave, { message: 'The swarm is locked: leaving needs --force.', detail: 'The node leaves without unlocking; if it is a manager, the others lose it without a demotion.', action: 'Force Leave' });
      const managers = ctx.view.all('node').filter((n) => n.role === 'manager').length;
      const after = managers - 1;
      const risk = after === 0
        ? 'It is the last manager: leaving erases the swarm\'s state for good.'
        : `Managers: ${managers} → ${after} (majority ${majority(after)}; ${describeTolerance(after)}). Without a Raft majority the swarm cannot be managed, and the only way back is "docker swarm init --force-new-cluster". Demoting it first (Demote) is the safe way.`;
      return proceed(leave, { message: `${endpoint} is a manager: force it out of the swarm?`, detail: risk, action: 'Force Leave' });
    },
    async run(progress, signal) {
      ctx.log.cli(dockerCommand('swarm', 'leave', force && '--force'));
      await ctx.api.leaveSwarm(force, signal);
      progress.report('waiting for the engine to report it left');
      await waitForMembership(ctx, ['none'], signal);
      return { message: `${endpoint} left the swarm; a manager lists it as down until it is removed (Remove Node).` };
    },
  };
}
