// The status bar's judgement of a live swarm, by the operating rules: nodes ready of total,
// managers reachable of total, and a warning when quorum is at risk — an even number of managers
// (no more tolerance than one fewer), or one more manager loss would break quorum — or when a
// swarm of several nodes has a single manager (it cannot lose it; a setting silences that). An
// error when no leader is known. Pure; the words are the tooltip's.
import type { SwarmNode } from './model';
import { describeTolerance, quorumHealth } from './quorum';

export type HealthLevel = 'ok' | 'warning' | 'error';

export interface ClusterHealth {
  readonly level: HealthLevel;
  readonly nodesReady: number;
  readonly nodes: number;
  readonly managersReachable: number;
  readonly managers: number;
  /** One line per finding, worst first; empty when all is well. */
  readonly findings: readonly string[];
  /** Fault tolerance in words: "3 managers tolerate 1 failure". */
  readonly tolerance: string;
}

export interface HealthOptions {
  /** Warn about a single manager in a swarm of more than one node. */
  readonly warnSingleManager: boolean;
}

export function clusterHealth(nodes: readonly SwarmNode[], options: HealthOptions): ClusterHealth {
  const q = quorumHealth(nodes);
  const findings: { level: HealthLevel; text: string }[] = [];
  const hasLeader = nodes.some((n) => n.managerStatus?.leader === true);
  if (!hasLeader || !q.hasQuorum) {
    findings.push({ level: 'error', text: `No leader: ${q.reachable} of ${q.managers} managers reachable; more than half (${q.majority}) must be online.` });
  } else if (q.spare === 0 && q.managers > 1) {
    findings.push({ level: 'warning', text: `One more manager loss breaks quorum: ${q.reachable} of ${q.managers} reachable, ${q.majority} needed.` });
  }
  if (q.evenManagers) {
    findings.push({ level: 'warning', text: `${q.managers} managers is an even count: it tolerates no more failures than ${q.managers - 1}. Use 3 or 5.` });
  }
  if (q.managers === 1 && nodes.length > 1 && options.warnSingleManager) {
    findings.push({ level: 'warning', text: 'A single manager: if it is lost, the swarm cannot be managed. Promote two workers for 3 managers (or silence this with swarm.statusBar.warnSingleManager).' });
  }
  const level: HealthLevel = findings.some((f) => f.level === 'error') ? 'error' : findings.length > 0 ? 'warning' : 'ok';
  return {
    level,
    nodesReady: nodes.filter((n) => n.state === 'ready').length,
    nodes: nodes.length,
    managersReachable: q.reachable,
    managers: q.managers,
    findings: findings.map((f) => f.text),
    tolerance: describeTolerance(q.managers),
  };
}
