// swarm.node.promote: worker → manager, behind the quorum guard.
import { promoteNode as promote } from '../../operations/node/role';
import { objectAction } from '../runner';

export const promoteNode = objectAction({
  kind: 'node', many: true, placeholder: 'Node(s) to promote to manager', none: 'Every node is a manager already.',
  offers: (n) => n.role === 'worker',
  operation: (ctx, node) => promote(ctx, node.id),
});
