// swarm.node.remove: the safe procedure (drain, demote, leave, down, remove) or, chosen explicitly
// and confirmed twice, a forced removal.
import { removeNode as remove } from '../../operations/node/remove';
import { pickOne } from '../prompts';
import { objectAction } from '../runner';

export const removeNode = objectAction<'node', { force: boolean }>({
  kind: 'node', placeholder: 'Node to remove from the swarm', none: 'The swarm has no node to remove.',
  ask: async ([node]) => {
    if (!node || node.state === 'down') return { force: false };
    return pickOne(`Remove ${node.hostname}`, 'How?', [
      { label: 'Safely', detail: 'Drain it, demote it if it is a manager, have it leave, wait until it is down, remove it.', value: { force: false } },
      { label: 'Force…', detail: 'Remove it at once (docker node rm --force): its containers keep running unmanaged. Asked twice.', value: { force: true } },
    ]);
  },
  operation: (ctx, node, p) => remove(ctx, node.id, p),
});
