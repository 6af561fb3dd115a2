// swarm.swarm.unlock: the autolock key, masked.
import { validateUnlockKey } from '../../domain/validate/swarmInput';
import { unlockSwarm as unlock } from '../../operations/swarm/unlock';
import { askText } from '../prompts';
import { swarmAction } from '../runner';

export const unlockSwarm = swarmAction<string>({
  ask: (ctx) => askText({ title: `Unlock the swarm on ${ctx.view.endpointLabel}`, prompt: 'Unlock key (SWMKEY-1-…)', password: true, validate: validateUnlockKey }),
  operation: (ctx, key) => unlock(ctx, key),
});
