// swarm.swarm.leave: the endpoint's engine leaves; a manager only with --force, confirmed twice.
import { leaveSwarm as leave } from '../../operations/swarm/leave';
import { clusterAction } from '../runner';

export const leaveSwarm = clusterAction({ operation: (ctx) => leave(ctx) });
