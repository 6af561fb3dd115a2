// The quorum guard of promote and demote (and of removing a manager), decided before anything is
// sent: refuse to demote the last manager or to break quorum (the Engine refuses both too, with
// "attempting to demote the last manager of the swarm" and "can't remove member from the raft:
// this would result in a loss of quorum"; we say it first, plainly), and warn with the numbers when
// the result is an even count or tolerates no failure. Pure.
import type { SwarmNode } from './model';
import { describeTolerance, faultTolerance, majority, managerChange, quorumHealth } from './quorum';

export type RoleVerdict =
  | { readonly kind: 'refuse'; readonly reason: string }
  | {
    readonly kind: 'allow';
    /** "Managers: 3 → 2 (majority 2; 2 managers tolerate 0 failures, 3 tolerated 1)." */
    readonly numbers: string;
    /** Set when the result is risky: an even count, or no tolerance left. */
    readonly warning?: string;
  };

function reachable(n: SwarmNode): boolean {
  return n.managerStatus?.leader === true || n.managerStatus?.reachability === 'reachable';
}

function numbers(before: number, after: number): string {
  const was = faultTolerance(before);
  return `Managers: ${before} → ${after} (majority ${majority(after)}; ${describeTolerance(after)}${faultTolerance(after) !== was ? `, ${before} tolerated ${was}` : ''}).`;
}

function risk(after: number): string | undefined {
  if (after > 1 && faultTolerance(after) === 0) {
    return `${after} managers tolerate no failure: if any one of them stops, the swarm loses its majority and can no longer be managed. Keep 3 or 5 managers.`;
  }
  if (after % 2 === 0) {
    return `${after} managers tolerate ${faultTolerance(after)} failure${faultTolerance(after) === 1 ? '' : 's'}, no more than ${after - 1} do; an odd count (${after + 1} or ${after - 1}) is advised.`;
  }
  return undefined;
}

export function demoteGuard(node: SwarmNode, nodes: readonly SwarmNode[]): RoleVerdict {
  if (node.role !== 'manager') return { kind: 'refuse', reason: `${node.hostname} is a worker already.` };
  const health = quorumHealth(nodes);
  const change = managerChange(health, -1, health.reachable - (reachable(node) ? 1 : 0));
  if (change.refused) {
    return { kind: 'refuse', reason: `${node.hostname} is the only manager: a swarm needs at least one manager, so it cannot be demoted. Promote another node first.` };
  }
  if (!change.keepsQuorum) {
    return { kind: 'refuse', reason: `Demoting ${node.hostname} would leave ${Math.max(0, health.reachable - (reachable(node) ? 1 : 0))} reachable of ${change.after} managers, fewer than the majority of ${majority(change.after)}: the swarm would lose quorum. Bring the unreachable managers back first.` };
  }
  return { kind: 'allow', numbers: numbers(change.before, change.after), warning: risk(change.after) };
}

export function promoteGuard(node: SwarmNode, nodes: readonly SwarmNode[]): RoleVerdict {
  if (node.role === 'manager') return { kind: 'refuse', reason: `${node.hostname} is a manager already.` };
  const health = quorumHealth(nodes);
  const change = managerChange(health, +1, health.reachable + (node.state === 'ready' ? 1 : 0));
  const down = node.state !== 'ready' ? `${node.hostname} is ${node.state}: it becomes a manager only once it is back and joins the Raft group.` : undefined;
  return { kind: 'allow', numbers: numbers(change.before, change.after), warning: [risk(change.after), down].filter(Boolean).join(' ') || undefined };
}
