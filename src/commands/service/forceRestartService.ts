// swarm.service.forceRestart: every task replaced (ForceUpdate + 1), by the update config.
import { forceRestartService as restart } from '../../operations/service/updateImage';
import { objectAction } from '../runner';

export const forceRestartService = objectAction({
  kind: 'service', many: true, placeholder: 'Service(s) to restart', none: 'The swarm has no service.',
  operation: (ctx, service) => restart(ctx, service.id),
});
