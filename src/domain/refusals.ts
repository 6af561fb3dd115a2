// What the Engine's refusals mean and what to do about them, for the messages of failed actions.
// The texts are SwarmKit's and dockerd's own (moby/swarmkit manager/controlapi, moby/moby
// daemon/cluster); the CLI passes them through as "rpc error: code = … desc = …". Pure.
import { classifyError, engineMessage } from './errors';

export interface Explained {
  /** The Engine's own words (or ours, for failures of our own). */
  readonly message: string;
  readonly meaning: string;
  readonly next: string;
}

const KNOWN: readonly { readonly match: RegExp; readonly meaning: string; readonly next: string }[] = [
  { match: /update out of sequence/i,
    meaning: 'The object changed between reading it and sending the update (someone else updated it).',
    next: 'Run the action again: it reads the current version first.' },
  { match: /attempting to demote the last manager/i,
    meaning: 'A swarm needs at least one manager; the last one cannot become a worker.',
    next: 'Promote another node first, then demote this one.' },
  { match: /would result in a loss of quorum/i,
    meaning: 'Too few managers are reachable: taking this one out of the Raft group would lose the majority.',
    next: 'Bring the unreachable managers back (or remove the ones that are gone for good) first.' },
  { match: /must be demoted to worker before removal/i,
    meaning: 'A manager is a member of the Raft group; it must be demoted before it can be removed.',
    next: 'Demote it (Demote to worker), then remove it.' },
  { match: /is not down and can't be removed/i,
    meaning: 'The node is still connected to the swarm; removing it now would leave its containers running unmanaged.',
    next: 'Have it leave first ("docker swarm leave" on that node), wait until it is down, then remove it.' },
  { match: /attempting to leave the swarm on a node that is participating as a manager/i,
    meaning: 'A manager leaving without demotion shrinks the Raft group and may break quorum.',
    next: 'Demote it first; force only if you accept the risk.' },
  { match: /already part of a swarm/i,
    meaning: 'This engine is in a swarm already.',
    next: 'Leave that swarm first, or connect to another engine.' },
  { match: /join token|token is invalid|invalid token/i,
    meaning: 'The manager did not accept the join token.',
    next: 'Copy the current token from a manager ("docker swarm join-token worker" or "manager") and try again.' },
  { match: /invalid key|could not be unlocked/i,
    meaning: 'The unlock key does not match the one the swarm was locked with.',
    next: 'Use the key printed by "docker swarm init --autolock" or "docker swarm unlock-key" on an unlocked manager.' },
  { match: /renaming services is not supported/i,
    meaning: 'Swarm cannot rename a service.', next: 'Keep the name; create a new service to change it.' },
  { match: /service mode change is not allowed/i,
    meaning: 'A service cannot switch between replicated, global and job modes.', next: 'Keep the mode; create a new service for another one.' },
  { match: /name conflicts with an existing object/i,
    meaning: 'Another object of that kind already has this name.', next: 'Choose another name.' },
  { match: /is already in use by service/i,
    meaning: 'Another service publishes that port.', next: 'Choose another published port.' },
  { match: /no such (service|node|secret|config|network)|not found/i,
    meaning: 'It no longer exists (removed meanwhile).', next: 'Refresh the view.' },
];

/** Failures that are not the Engine's answer to the request: connection, permission, quorum. */
const CONNECTION_KINDS = new Set(['unreachable', 'permission', 'tls', 'no-quorum', 'locked', 'worker', 'not-swarm']);

/** A write past its deadline (src/docker/engineCall.ts EngineTimeout): it may have been applied all the same. */
export function unansweredWrite(error: unknown): boolean {
  const e = error as { name?: unknown; call?: unknown } | null;
  return typeof e === 'object' && e !== null && e.name === 'EngineTimeout' && typeof e.call === 'string' && /^(POST|DELETE|PUT) /.test(e.call);
}

export function explainEngineError(error: unknown, endpoint: string): Explained {
  if (unansweredWrite(error)) {
    return { message: engineMessage(error), meaning: 'The Engine did not answer in time: the change may have been applied all the same.',
      next: 'Check the object in the tree (it follows the cluster) before running the action again.' };
  }
  const connection = classifyError(error, endpoint);
  if (CONNECTION_KINDS.has(connection.kind)) {
    return { message: connection.message, meaning: 'The Engine could not be asked, so nothing was changed by this call.', next: connection.hint };
  }
  const message = engineMessage(error);
  const known = KNOWN.find((k) => k.match.test(message));
  return known
    ? { message, meaning: known.meaning, next: known.next }
    : { message, meaning: 'The Engine refused the request; this call changed nothing.', next: 'Fix the cause the message names and run the action again.' };
}

export function isOutOfSequence(error: unknown): boolean {
  return /update out of sequence/i.test(engineMessage(error));
}
