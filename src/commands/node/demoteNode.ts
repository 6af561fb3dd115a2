// swarm.node.demote: manager → worker, behind the quorum guard (the last manager is refused).
import { demoteNode as demote } from '../../operations/node/role';
import { objectAction } from '../runner';

export const demoteNode = objectAction({
  kind: 'node', many: true, placeholder: 'Manager(s) to demote to worker', none: 'No node is a manager.',
  offers: (n) => n.role === 'manager',
  operation: (ctx, node) => demote(ctx, node.id),
});
