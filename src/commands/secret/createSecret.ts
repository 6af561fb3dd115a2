// swarm.secret.create: create a secret (the same action for secrets and configs: ../named/namedActions.ts).
import { createNamedAction } from '../named/namedActions';

export const createSecret = createNamedAction('secret');
