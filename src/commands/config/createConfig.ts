// swarm.config.create: create a config (the same action for secrets and configs: ../named/namedActions.ts).
import { createNamedAction } from '../named/namedActions';

export const createConfig = createNamedAction('config');
