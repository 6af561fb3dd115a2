// swarm.service.remove: confirmed with its task count and its stack.
import { removeService as remove } from '../../operations/service/remove';
import { objectAction } from '../runner';

export const removeService = objectAction({
  kind: 'service', many: true, placeholder: 'Service(s) to remove', none: 'The swarm has no service.',
  operation: (ctx, service) => remove(ctx, service.id),
});
