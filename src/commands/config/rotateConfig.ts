// swarm.config.rotate: rotate a config (the same action for secrets and configs: ../named/namedActions.ts).
import { rotateNamedAction } from '../named/namedActions';

export const rotateConfig = rotateNamedAction('config');
