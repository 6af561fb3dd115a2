// swarm.secret.rotate: rotate a secret (the same action for secrets and configs: ../named/namedActions.ts).
import { rotateNamedAction } from '../named/namedActions';

export const rotateSecret = rotateNamedAction('secret');
