// Rotating a secret or a config. Both are immutable in Swarm, so a rotation is the procedure the
// Docker docs teach: create a new object from the new value, move every service that uses the old
// one to the new one at the same target path (`docker service update --secret-rm old --secret-add
// source=new,target=<path>`), wait until each service has converged, then remove the old one. A
// failure stops the procedure where it is and the old object stays, so every service still has a
// working reference. Pure: names, steps and the words of the confirmation.
import { stackOf, type Labels, type Service } from '../model';
import { listNames } from './usage';

export type RotatedKind = 'secret' | 'config';

const VERSIONED = /^(.*?)([._-]v)(\d+)$/;
const MAX_NAME = 64;

/**
 * `db` → `db_v2`, `db_v2` → `db_v3`, `tls.v9` → `tls.v10`; the next free one when that exists,
 * shortened so it stays within the 64 characters SwarmKit allows.
 */
export function nextVersionName(name: string, existing: readonly string[]): string {
  const m = VERSIONED.exec(name);
  const base = m ? m[1] ?? '' : name;
  const sep = m ? m[2] ?? '_v' : '_v';
  const taken = new Set(existing);
  for (let n = m ? Number(m[3]) + 1 : 2; ; n++) {
    const suffix = `${sep}${n}`;
    const candidate = `${base.slice(0, MAX_NAME - suffix.length).replace(/[-_.]+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export interface RotationPlan {
  readonly kind: RotatedKind;
  readonly from: { readonly id: string; readonly name: string; readonly labels: Labels };
  readonly to: string;
  /** The services to move, by name. */
  readonly services: readonly Service[];
}

export function rotationSteps(plan: RotationPlan): string[] {
  return [
    `create ${plan.kind} ${plan.to}`,
    ...plan.services.flatMap((s) => [`move service ${s.name} to ${plan.to}`, `wait until ${s.name} has converged`]),
    `remove ${plan.kind} ${plan.from.name}`,
  ];
}

export interface RotationWords {
  readonly message: string;
  readonly detail: string;
}

export function rotationConfirmation(plan: RotationPlan, cluster: string): RotationWords {
  const { kind, from, to, services } = plan;
  const names = services.map((s) => s.name);
  const moves = services.length === 0
    ? `No service uses ${from.name}: ${to} is created and ${from.name} removed.`
    : `${services.length === 1 ? 'Service' : `${services.length} services`} ${listNames(names)} move${services.length === 1 ? 's' : ''} to ${to} `
      + `at the same target path; each one's tasks are replaced (a rolling update, by its update config), and the rotation `
      + 'waits until it has converged before moving the next one.';
  const stack = stackOf(from.labels);
  const stackNote = stack ? `\n\n${from.name} belongs to stack ${stack}: the next "docker stack deploy" of ${stack} puts its services `
    + 'back on the name its stack file declares. Change the stack file too (an external or versioned name).' : '';
  return {
    message: `Rotate ${kind} ${from.name} on ${cluster}?`,
    detail: `Creates ${kind} ${to} from the new value. ${moves} Then removes ${from.name}. `
      + `At the first failure the rotation stops and ${from.name} stays in place.${stackNote}`,
  };
}
