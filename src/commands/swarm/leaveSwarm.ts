// swarm.swarm.leave: the endpoint's engine leaves; a manager only with --force, confirmed twice.
import { leaveSwarm as leave } from '../../operations/swarm/leave';
import { swarmAction } from '../runner';

export const leaveSwarm = swarmAction({ operation: (ctx) => leave(ctx) });
