// swarm.network.remove: refused while a service uses the network.
import { removeNetwork as removeNetworkOperation } from '../../operations/network/removeNetwork';
import { objectAction } from '../runner';

export const removeNetwork = objectAction({
  kind: 'network', many: true, placeholder: 'Networks to remove', none: 'There is no swarm network to remove.',
  operation: (ctx, target) => removeNetworkOperation(ctx, target.id),
});
