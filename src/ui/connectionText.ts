// What the view and the status bar say about the store's connection. Pure (no vscode), so that the
// wording of every state is tested: live (and through which manager), stale with the reason and the
// retry, a leader election with the time it has taken, services that stopped converging.
import type { ServiceConvergence } from '../domain/convergence';
import { currentError } from '../domain/errors';
import type { Service } from '../domain/model';
import type { ConnectionState } from '../store/types';
import { count } from './tree/describe';

export interface ConnectionFacts {
  readonly endpoint: string;
  readonly nodes: number;
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
      const stuck = facts.stuck.map((s) => `${s.name} is not converging: ${s.reason}`);
      const via = failover ? `${failover.from} is down; now through ${failover.to} (${failover.endpoint}).` : undefined;
      const tooltip = [`Swarm of ${count(facts.nodes, 'node')} (${count(info.managers, 'manager')}) via ${facts.endpoint}, answered by ${info.name || 'a manager'} (engine ${info.engineVersion})`,
        ...(via ? [`${via} Reconnect to go back.`] : []), ...stuck].join('\n');
      const status = `$(server-environment) swarm: ${count(facts.nodes, 'node')}${failover ? ` via ${failover.to}` : ''}${stuck.length > 0 ? ` · ${stuck.length} stuck` : ''}`;
      return { ...(via ? { message: `${via} Run "Reconnect to Docker" to go back.` } : {}), status, tooltip, tone: failover || stuck.length > 0 ? 'warning' : 'normal' };
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
