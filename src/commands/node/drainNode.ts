// swarm.node.drain: says what will move, then follows the node's tasks until none runs there.
import { drainNode as drain } from '../../operations/node/availability';
import { objectAction } from '../runner';

export const drainNode = objectAction({
  kind: 'node', many: true, placeholder: 'Node(s) to drain', none: 'Every node is drained already.',
  offers: (n) => n.availability !== 'drain',
  operation: (ctx, node) => drain(ctx, node.id),
});
