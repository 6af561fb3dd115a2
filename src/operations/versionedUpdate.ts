// Every update sends the version it read. When the Engine answers "update out of sequence" (someone
// changed the object in between), an action that changes ONE thing (replicas, image, availability,
// role, a label) reads the object again, applies the same change to the fresh spec and tries once
// more; a second conflict is reported. Edits of a whole spec never come here: their conflict is the
// user's to resolve (./service/editSpec.ts).
import { isOutOfSequence } from '../domain/refusals';
import { OperationError } from './operation';
import type { ActionLog, Versioned } from './ports';

export interface VersionedObject<S> {
  /** For messages: "node node3", "service web". */
  readonly what: string;
  read(signal?: AbortSignal): Promise<Versioned<S>>;
  write(version: number, spec: S, signal?: AbortSignal): Promise<void>;
}

export interface Applied<S> {
  /** The spec sent in the update that the Engine accepted. */
  readonly spec: S;
  /** The version it was read at. */
  readonly version: number;
  readonly retried: boolean;
}

/**
 * Reads, changes, writes. `change` may throw (an OperationError) when the fresh spec no longer
 * allows the change, e.g. the service turned global in between.
 */
export async function applyChange<S>(target: VersionedObject<S>, change: (spec: S) => S, log: ActionLog, signal?: AbortSignal): Promise<Applied<S>> {
  const first = await target.read(signal);
  const spec = change(first.spec);
  try {
    await target.write(first.version, spec, signal);
    return { spec, version: first.version, retried: false };
  } catch (e) {
    if (!isOutOfSequence(e)) throw e;
  }
  log.note(`${target.what} changed since version ${first.version} was read: reading it again and applying the same change once more.`);
  const fresh = await target.read(signal);
  const again = change(fresh.spec);
  try {
    await target.write(fresh.version, again, signal);
    return { spec: again, version: fresh.version, retried: true };
  } catch (e) {
    if (!isOutOfSequence(e)) throw e;
    throw new OperationError(`${target.what} changed twice while this action updated it ("update out of sequence").`,
      'Someone else is updating it at the same time; nothing of this action was applied.',
      'Wait until the other change is done, then run the action again.');
  }
}
