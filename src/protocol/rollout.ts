// The one message protocol between the rollout panel host (src/ui/rollout) and its webview
// (webview/rollout). The host sends the whole view once (after the webview says it is ready, or when
// it asks to resync), then only patches; every message carries a revision so the webview can tell a
// gap and ask again.
import type { ActionId, RolloutHeader, RolloutView, SlotRow, TimelineEntry } from '../domain/rollout/view';

/** What changed between two views. Absent fields did not change. */
export interface RolloutPatch {
  readonly header?: RolloutHeader;
  /** Rows added or changed. */
  readonly upsert?: readonly SlotRow[];
  /** Keys of rows that are gone. */
  readonly remove?: readonly string[];
  /** All row keys in display order, when the order changed. */
  readonly order?: readonly string[];
  /** New timeline entries, merged in by `mergeTimeline`. */
  readonly timeline?: readonly TimelineEntry[];
}

export type HostMessage =
  | { readonly type: 'view'; readonly rev: number; readonly view: RolloutView }
  | { readonly type: 'patch'; readonly rev: number; readonly base: number; readonly patch: RolloutPatch };

export type WebviewMessage =
  /** The webview's script runs and listens; `rev` is the revision it restored from its state, if any. */
  | { readonly type: 'ready'; readonly rev?: number }
  /** A patch did not follow the revision it holds: send the whole view. */
  | { readonly type: 'resync' }
  | { readonly type: 'action'; readonly action: ActionId };

/** What the webview keeps with `setState` (and the panel serializer hands back after a reload). */
export interface RolloutWebviewState {
  readonly serviceId: string;
  readonly rev: number;
  readonly view: RolloutView;
}

const ACTIONS: readonly ActionId[] = ['rollback', 'logs', 'reveal', 'specDiff'];

/** Narrows what a webview posted (it is another context: check before trusting). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m['type']) {
    case 'ready': return { type: 'ready', rev: typeof m['rev'] === 'number' ? m['rev'] : undefined };
    case 'resync': return { type: 'resync' };
    case 'action': return ACTIONS.includes(m['action'] as ActionId) ? { type: 'action', action: m['action'] as ActionId } : undefined;
    default: return undefined;
  }
}

/** The service id kept in a restored webview state, if the state is one of ours. */
export function restoredServiceId(state: unknown): string | undefined {
  const id = typeof state === 'object' && state !== null ? (state as Record<string, unknown>)['serviceId'] : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
