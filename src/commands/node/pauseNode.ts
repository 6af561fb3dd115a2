// swarm.node.pause: no new tasks there; running ones stay.
import { pauseNode as pause } from '../../operations/node/availability';
import { objectAction } from '../runner';

export const pauseNode = objectAction({
  kind: 'node', many: true, placeholder: 'Node(s) to pause', none: 'Every node is paused or drained already.',
  offers: (n) => n.availability === 'active',
  operation: (ctx, node) => pause(ctx, node.id),
});
