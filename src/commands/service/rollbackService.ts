// swarm.service.rollback: back to PreviousSpec (refused, saying so, when there is none).
import { rollbackService as rollback } from '../../operations/service/rollback';
import { objectAction } from '../runner';

export const rollbackService = objectAction({
  kind: 'service', many: true, placeholder: 'Service(s) to roll back', none: 'No service has a previous spec to roll back to.',
  offers: (s) => s.hasPreviousSpec,
  operation: (ctx, service) => rollback(ctx, service.id),
});
