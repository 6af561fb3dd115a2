// swarm.node.activate: a drained or paused node takes tasks again.
import { activateNode as activate } from '../../operations/node/availability';
import { objectAction } from '../runner';

export const activateNode = objectAction({
  kind: 'node', many: true, placeholder: 'Node(s) to activate', none: 'Every node is active.',
  offers: (n) => n.availability !== 'active',
  operation: (ctx, node) => activate(ctx, node.id),
});
