// swarm.secret.remove: remove a secret (the same action for secrets and configs: ../named/namedActions.ts).
import { removeNamedAction } from '../named/namedActions';

export const removeSecret = removeNamedAction('secret');
