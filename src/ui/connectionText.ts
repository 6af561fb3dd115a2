// What the view and the status bar say about the store's connection. Pure (no vscode), so that the
// wording of every state is tested: live (the swarm's health by the operating rules, and through
// which manager), stale with the reason and the retry, a leader election with the time it has
// taken, services that stopped converging.
import type { ClusterHealth } from '../domain/clusterHealth';
import type { ServiceConvergence } from '../domain/convergence';
import { currentError } from '../domain/errors';
import type { Service } from '../domain/model';
import type { ConnectionState } from '../store/types';
import { count } from './tree/describe';

export interface ConnectionFacts {
  readonly endpoint: string;
  /** What the status bar names: the Docker context, or the endpoint in short. */
  readonly label: string;
  readonly nodes: number;
  /** The swarm's health (src/domain/clusterHealth), when its nodes are known. */
  readonly health?: ClusterHealth;
  /** Services that converge but make no progress, with the scheduler's reason. */
  readonly stuck: readonly { readonly name: string; readonly reason: string }[];
}

export interface ConnectionText {
  /** The tree view's message (undefined: none). */
  readonly message?: string;
  readonly status: string;
  readonly tooltip: string;
  readonly tone: 'normal' | 'warning' | 'error';
}

export function stuckServices(services: readonly Service[], convergence: (id: string) => ServiceConvergence): ConnectionFacts['stuck'] {
  return services.flatMap((s) => {
    const c = convergence(s.id);
    return c.state === 'stuck' ? [{ name: s.name, reason: c.reason }] : [];
  });
}

/** The status bar's short name of an endpoint: `local` for the default socket, else its host or socket. */
export function shortEndpoint(endpoint: string): string {
  if (endpoint === 'unix:///var/run/docker.sock' || endpoint === 'npipe:////./pipe/docker_engine') return 'local';
  const unix = /^unix:\/\/.*?([^/]+)\/([^/]+?)(?:\.sock)?$/.exec(endpoint);
  if (unix) return `${unix[1]}/${unix[2]}`;
  const url = /^(?:tcp|ssh):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/ ]+)/.exec(endpoint);
  return url?.[1] ?? endpoint;
}

function retryText(retryAt: number, now: number): string {
  const seconds = Math.ceil((retryAt - now) / 1000);
  return seconds > 0 ? `retrying in ${seconds}s` : 'retrying now';
}

/** `retryAt` is when the store retries (its retryInMs, counted from when the state was shown). */
export function describeConnection(state: ConnectionState, facts: ConnectionFacts, now: number, retryAt = now): ConnectionText | undefined {
  switch (state.status) {
    case 'stopped': return undefined;
    case 'connecting':
      return { message: `Connecting to ${facts.endpoint}…`, status: '$(sync~spin) swarm: connecting', tooltip: `Connecting to ${facts.endpoint}`, tone: 'normal' };
    case 'live': {
      const { info, failover } = state;
      const h = facts.health;
      const stuck = facts.stuck.map((s) => `${s.name} is not converging: ${s.reason}`);
      const via = failover ? `${failover.from} is down; now through ${failover.to} (${failover.endpoint}).` : undefined;
      // /info's manager count lags a promotion or demotion; the node list (health) does not.
      const tooltip = [`Swarm of ${count(facts.nodes, 'node')} (${count(h?.managers ?? info.managers, 'manager')}) via ${facts.endpoint}, answered by ${info.name || 'a manager'} (engine ${info.engineVersion})`,
        ...(h ? [`${h.nodesReady} of ${count(h.nodes, 'node')} ready; ${h.managersReachable} of ${count(h.managers, 'manager')} reachable: ${h.tolerance}.`, ...h.findings] : []),
        ...(via ? [`${via} Reconnect to go back.`] : []), ...stuck].join('\n');
      const size = h ? `${h.nodesReady}/${h.nodes} nodes · ${h.managersReachable}/${h.managers} managers` : count(facts.nodes, 'node');
      const icon = h?.level === 'error' ? '$(error)' : h?.level === 'warning' ? '$(warning)' : '$(server-environment)';
      const status = `${icon} ${facts.label}: ${size}${failover ? ` via ${failover.to}` : ''}${stuck.length > 0 ? ` · ${stuck.length} stuck` : ''}`;
      const tone = h?.level === 'error' ? 'error' : failover || stuck.length > 0 || h?.level === 'warning' ? 'warning' : 'normal';
      return { ...(via ? { message: `${via} Run "Reconnect to Docker" to go back.` } : {}), status, tooltip, tone };
    }
    case 'stale': {
      const error = currentError(state.error, state.since, now, facts.endpoint);
      const retry = retryText(retryAt, now);
      if (error.kind === 'electing') {
        return { message: `${error.message} ${error.hint} Showing last known state.`, status: '$(sync~spin) swarm: electing a leader',
          tooltip: `${error.message}\n${error.hint}`, tone: 'warning' };
      }
      // Data from an earlier connection stays on screen; if there never was one, there is nothing to show.
      const shown = facts.nodes > 0;
      return {
        message: `${shown ? 'Disconnected from' : 'Cannot connect to'} ${facts.endpoint}: ${error.message} ${error.hint} — ${retry}.${shown ? ' Showing last known state.' : ''}`,
        status: error.kind === 'no-quorum' ? '$(error) swarm: no leader' : '$(warning) swarm: disconnected',
        tooltip: `${error.message}\n${error.hint}\nClick to reconnect now.`,
        tone: error.kind === 'no-quorum' ? 'error' : 'warning',
      };
    }
  }
}
