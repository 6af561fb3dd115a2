// Raft quorum, as an operator reasons about it: M managers need a majority (⌊M/2⌋+1) reachable to
// have a leader, so they tolerate ⌊(M−1)/2⌋ losses. An even count adds no tolerance over M−1 (4
// tolerate 1, like 3), which is why 3 or 5 managers are advised. Pure; used by the status bar and
// by the promote/demote/remove guards.
import type { SwarmNode } from './model';

/** Managers needed for a majority. */
export function majority(managers: number): number {
  return Math.floor(managers / 2) + 1;
}

/** Manager losses the swarm survives. */
export function faultTolerance(managers: number): number {
  return managers <= 0 ? 0 : Math.floor((managers - 1) / 2);
}

export interface QuorumHealth {
  readonly managers: number;
  /** Managers the leader can reach (the leader included). */
  readonly reachable: number;
  readonly majority: number;
  /** Losses survivable out of the managers configured. */
  readonly tolerance: number;
  /** More losses would break quorum: reachable − majority. Negative: quorum is lost. */
  readonly spare: number;
  readonly hasQuorum: boolean;
  readonly evenManagers: boolean;
}

function isReachable(n: SwarmNode): boolean {
  return n.managerStatus?.leader === true || n.managerStatus?.reachability === 'reachable';
}

export function quorumHealth(nodes: readonly SwarmNode[]): QuorumHealth {
  const managers = nodes.filter((n) => n.role === 'manager' && n.managerStatus !== undefined);
  const m = managers.length;
  const reachable = managers.filter(isReachable).length;
  return {
    managers: m, reachable, majority: majority(m), tolerance: faultTolerance(m),
    spare: reachable - majority(m), hasQuorum: m > 0 && reachable >= majority(m), evenManagers: m > 0 && m % 2 === 0,
  };
}

/** What a change of the manager count does to quorum, for guards and confirmations. */
export interface ManagerChange {
  readonly before: number;
  readonly after: number;
  /** The change would leave no manager: the engine refuses it too. */
  readonly refused: boolean;
  /** The resulting count is even: it tolerates no more losses than one manager fewer. */
  readonly even: boolean;
  /** The result tolerates fewer losses than now. */
  readonly losesTolerance: boolean;
  /** The result tolerates no loss at all (with more than one manager). */
  readonly noTolerance: boolean;
  /** Reachable managers after the change would still form a majority of the new count. */
  readonly keepsQuorum: boolean;
}

/** `delta` = +1 (promote) or −1 (demote or remove a manager); `reachableAfter` as it would be. */
export function managerChange(health: QuorumHealth, delta: number, reachableAfter = health.reachable + delta): ManagerChange {
  const after = health.managers + delta;
  return {
    before: health.managers, after, refused: after < 1, even: after > 0 && after % 2 === 0,
    losesTolerance: faultTolerance(after) < faultTolerance(health.managers),
    noTolerance: after > 1 && faultTolerance(after) === 0,
    keepsQuorum: after > 0 && reachableAfter >= majority(after),
  };
}

/** `3 managers tolerate 1 failure`, for messages. */
export function describeTolerance(managers: number): string {
  const t = faultTolerance(managers);
  return `${managers} manager${managers === 1 ? '' : 's'} tolerate${managers === 1 ? 's' : ''} ${t} failure${t === 1 ? '' : 's'}`;
}
