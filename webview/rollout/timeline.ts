// The timeline, newest first (at most MAX_TIMELINE entries: a plain list renders them fast).
import type { TimelineEntry } from '../../src/domain/rollout/view';
import { byId, el } from './dom';

export function renderTimeline(entries: readonly TimelineEntry[]): void {
  const list = byId('timeline');
  list.replaceChildren(...entries.map((e) => {
    const t = Date.parse(e.at);
    const when = el('time', 'when', Number.isFinite(t) ? new Date(t).toLocaleTimeString() : '');
    when.setAttribute('datetime', e.at);
    return el('li', `t-${e.kind}`, when, el('span', 'what', e.text));
  }));
  byId('timeline-empty').hidden = entries.length > 0;
}
