// Which of the view's actions apply now, and why not when they don't: the button says so.
import type { Service } from '../model';
import { shortImage } from '../names';
import type { ActionId, ActionState } from './view';

/** What the host can do: the operations commands are installed, the tree shows the service. */
export interface Availability {
  readonly rollback: boolean;
  readonly logs: boolean;
  readonly reveal: boolean;
}

const off = (reason: string): ActionState => ({ enabled: false, reason });
const on = (reason: string): ActionState => ({ enabled: true, reason });

export function actionStates(service: Service | undefined, can: Availability): Record<ActionId, ActionState> {
  if (!service) {
    const gone = off('The service no longer exists.');
    return { rollback: gone, logs: gone, reveal: gone, specDiff: gone };
  }
  const previous = service.previousSpec;
  const rolling = service.updateStatus?.state === 'rollback_started';
  return {
    rollback: !can.rollback ? off('Rollback needs the operations commands (swarm.service.rollback), which are not installed.')
      : rolling ? off('A rollback is already running.')
      : !previous ? off('There is no previous spec to roll back to (Swarm keeps one, and none after a rollback).')
      : on(`Roll back to the previous spec${previous.image ? ` (${shortImage(previous.image)})` : ''}.`),
    logs: can.logs ? on(`Open the logs of ${service.name}.`) : off('Logs need the operations commands (swarm.service.logs), which are not installed.'),
    reveal: can.reveal ? on(`Show ${service.name} in the Swarm tree.`) : off('The Swarm tree does not show this service (is the Swarm view open and connected?).'),
    specDiff: !previous ? off('There is no previous spec to compare with.')
      : on(`Compare the spec with the previous one (${previous.changes.length} field${previous.changes.length === 1 ? '' : 's'} changed).`),
  };
}
