// The `contextValue` of every cluster tree item: a kind token, then space-separated state tokens.
// Pure (no vscode), so menus' `when` clauses and this file can be checked against each other in tests.
//
// Vocabulary. Every token is one lower-case \w+ word (other characters become `_`), so `\bword\b` in a
// `when` regex matches exactly one token (`\breplicated\b` does not match `replicated_job`). Tokens
// appear in the order listed:
//
//   swarmGroup   nodes | services | tasks | stacks | secrets | configs | networks
//   swarmStack
//   swarmBucket  failed | rejected | stuck | starting | running | completed | history   (Tasks group)
//   swarmNode    manager | worker
//                leader                                  (manager that is the Raft leader)
//                reachable | unreachable                 (non-leader managers; `unknown` is left out)
//                active | pause | drain                  (availability)
//                ready | down | disconnected | unknown   (state)
//                self                                    (the node the extension talks to, when known)
//   swarmService replicated | global | replicated_job | global_job
//                updating | paused | completed | rollback_started | rollback_paused | rollback_completed
//                                                        (UpdateStatus.State, when there is one)
//                rollbackable                            (a previous spec exists: `docker service rollback` works)
//                stack                                   (deployed by a stack)
//   swarmTask    <task state> (new … running, complete, shutdown, failed, rejected, remove, orphaned)
//                current | history                       (desired state running/complete, or not)
//                container                               (has a container id: logs/exec make sense)
//   swarmSecret  [stack]
//   swarmConfig  [stack]
//   swarmNetwork <driver> (overlay, bridge, host, null, …)
//                swarm | local                           (scope)
//                attachable | ingress | internal
//                stack
//
// Match them in package.json with anchored regexes, e.g.
//   "when": "view == swarm.cluster && viewItem =~ /^swarmNode\\b.*\\bworker\\b/"
//   "when": "viewItem =~ /^swarmService\\b.*\\brollbackable\\b/"
//   "when": "viewItem =~ /^swarmTask\\b.*\\bcontainer\\b/"
import { stackOf, type Config, type Network, type Secret, type Service, type SwarmNode, type Task } from '../../domain/model';
import type { TaskBucket } from '../../domain/taskBuckets';
import type { GroupId } from './elements';

export type ContextKind =
  | 'swarmGroup' | 'swarmStack' | 'swarmBucket' | 'swarmNode' | 'swarmService' | 'swarmTask'
  | 'swarmSecret' | 'swarmConfig' | 'swarmNetwork';

/** Tokens come from a small vocabulary (states, roles, drivers): each is made once. */
const tokens = new Map<string, string>();
const MAX_TOKENS = 1_000;

/** One lower-case \w+ word: other characters become `_` (none at the ends). */
export function token(value: string): string {
  let t = tokens.get(value);
  if (t === undefined) {
    t = value.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (tokens.size >= MAX_TOKENS) tokens.clear();
    tokens.set(value, t);
  }
  return t;
}

/** Joins the kind and the tokens that are present (false/undefined/'' are skipped). */
export function contextValue(kind: ContextKind, ...parts: readonly (string | false | undefined)[]): string {
  let out: string = kind;
  for (const t of parts) {
    if (typeof t !== 'string') continue;
    const w = token(t);
    if (w !== '') out += ` ${w}`;
  }
  return out;
}

export function groupContext(group: GroupId): string {
  return contextValue('swarmGroup', group);
}

export function stackContext(): string {
  return contextValue('swarmStack');
}

export function bucketContext(bucket: TaskBucket): string {
  return contextValue('swarmBucket', bucket);
}

export function nodeContext(node: SwarmNode, selfNodeId?: string): string {
  const ms = node.managerStatus;
  const reach = ms && !ms.leader && ms.reachability !== 'unknown' ? ms.reachability : undefined;
  return contextValue('swarmNode', node.role, ms?.leader === true && 'leader', reach,
    node.availability, node.state, selfNodeId !== undefined && node.id === selfNodeId && 'self');
}

export function serviceContext(service: Service): string {
  return contextValue('swarmService', service.mode.kind, service.updateStatus?.state,
    service.hasPreviousSpec && 'rollbackable', service.stack !== undefined && service.stack !== '' && 'stack');
}

export function taskContext(task: Task): string {
  const current = task.desiredState === 'running' || task.desiredState === 'complete';
  return contextValue('swarmTask', task.state, current ? 'current' : 'history',
    task.containerId !== undefined && task.containerId !== '' && 'container');
}

export function secretContext(secret: Secret): string {
  return contextValue('swarmSecret', stackOf(secret.labels) !== undefined && 'stack');
}

export function configContext(config: Config): string {
  return contextValue('swarmConfig', stackOf(config.labels) !== undefined && 'stack');
}

export function networkContext(network: Network): string {
  return contextValue('swarmNetwork', network.driver, network.scope, network.attachable && 'attachable',
    network.ingress && 'ingress', network.internal && 'internal', stackOf(network.labels) !== undefined && 'stack');
}
