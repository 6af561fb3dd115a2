// swarm.config.remove: remove a config (the same action for secrets and configs: ../named/namedActions.ts).
import { removeNamedAction } from '../named/namedActions';

export const removeConfig = removeNamedAction('config');
