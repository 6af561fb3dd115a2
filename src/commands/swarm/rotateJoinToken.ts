// swarm.swarm.rotateJoinToken: worker or manager token.
import { rotateJoinToken as rotate } from '../../operations/swarm/rotateToken';
import { pickOne } from '../prompts';
import { swarmAction } from '../runner';

export const rotateJoinToken = swarmAction<'worker' | 'manager'>({
  ask: () => pickOne('Rotate a join token', 'Which token?', [
    { label: 'Worker', detail: 'Machines joining as workers need the new token', value: 'worker' as const },
    { label: 'Manager', detail: 'Machines joining as managers need the new token', value: 'manager' as const },
  ]),
  operation: (ctx, role) => rotate(ctx, role),
});
