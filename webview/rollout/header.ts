// The top of the view: the service, old → new image (or the fields that changed), the phase with its
// countdown, the overall count, UpdateStatus, the actions, and the update config in force. Elements
// are made once and updated in place, so focus stays on a button while the rollout moves.
import { verifyText } from '../../src/domain/rollout/phase';
import type { ActionId, RolloutHeader } from '../../src/domain/rollout/view';
import { byId, el, fill } from './dom';
import { vscode } from './vscodeApi';

const ACTION_LABELS: Readonly<Record<ActionId, string>> = {
  rollback: 'Rollback', logs: 'Open logs', reveal: 'Reveal in tree', specDiff: 'Open spec diff',
};

interface GridElement extends HTMLElement {
  rowsData: Record<string, string>[];
  columnDefinitions: { columnDataKey: string; title: string }[];
}

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(3)}s`;
const time = (iso: string | undefined): string => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) && t > 0 ? new Date(t).toLocaleTimeString() : '';
};

export class HeaderView {
  private readonly buttons = new Map<ActionId, HTMLElement>();
  private countdown: ReturnType<typeof setInterval> | undefined;
  private shown: RolloutHeader | undefined;

  constructor() {
    const actions = byId('actions');
    for (const id of Object.keys(ACTION_LABELS) as ActionId[]) {
      const b = el('vscode-button', undefined, ACTION_LABELS[id]);
      b.setAttribute('appearance', id === 'rollback' ? 'primary' : 'secondary');
      b.dataset['action'] = id;
      b.addEventListener('click', () => { if (!b.hasAttribute('disabled')) vscode.postMessage({ type: 'action', action: id }); });
      this.buttons.set(id, b);
      actions.append(b);
    }
    const policy = byId<GridElement>('policy');
    policy.columnDefinitions = [
      { columnDataKey: 'parallelism', title: 'Parallelism' }, { columnDataKey: 'delay', title: 'Delay' },
      { columnDataKey: 'monitor', title: 'Monitor' }, { columnDataKey: 'failureAction', title: 'On failure' },
      { columnDataKey: 'maxFailureRatio', title: 'Max failure ratio' }, { columnDataKey: 'order', title: 'Order' },
    ];
    const changes = byId<GridElement>('changes-grid');
    changes.columnDefinitions = [{ columnDataKey: 'path', title: 'Field' }, { columnDataKey: 'before', title: 'Previous' }, { columnDataKey: 'after', title: 'Now' }];
  }

  update(h: RolloutHeader): void {
    const was = this.shown;
    this.shown = h;
    document.title = `Rollout: ${h.serviceName}`;
    byId('service').textContent = h.serviceName;
    const phase = byId('phase');
    phase.textContent = h.phase.title;
    phase.className = `phase p-${h.phase.kind}${h.phase.failed ? ' p-failed' : ''}`;
    byId('ring').hidden = !h.phase.active;
    fill(byId('image'), h.previousImage ? el('span', 'old-image', h.previousImage) : undefined, h.previousImage ? ' → ' : undefined, el('span', 'new-image', h.image));
    byId('mode').textContent = h.mode;
    byId('count').textContent = `${h.done}/${h.target}`;
    byId('overall').textContent = h.overall;
    const overallFill = byId('overall-fill');
    overallFill.style.width = `${h.target > 0 ? Math.min(100, (h.done / h.target) * 100) : 0}%`;
    byId('overall-bar').setAttribute('aria-valuenow', String(h.done));
    byId('overall-bar').setAttribute('aria-valuemax', String(h.target));
    const s = h.status;
    byId('status').textContent = s
      ? [`UpdateStatus: ${s.state}`, s.message, s.startedAt && `started ${time(s.startedAt)}`, s.completedAt && `completed ${time(s.completedAt)}`].filter(Boolean).join(' · ')
      : 'UpdateStatus: none (a scale clears it)';
    for (const [id, b] of this.buttons) {
      const a = h.actions[id];
      b.toggleAttribute('disabled', !a.enabled);
      b.title = a.reason;
      b.setAttribute('aria-label', `${ACTION_LABELS[id]}: ${a.reason}`);
    }
    if (JSON.stringify(was?.policy) !== JSON.stringify(h.policy)) {
      const p = h.policy;
      byId('policy-section-title').textContent = `${p.of === 'rollback' ? 'Rollback' : 'Update'} config in force${p.defaults ? ' (Swarm defaults)' : ''}`;
      byId<GridElement>('policy').rowsData = [{ parallelism: p.parallelism === 0 ? 'all at once' : String(p.parallelism), delay: seconds(p.delayMs),
        monitor: seconds(p.monitorMs), failureAction: p.failureAction, maxFailureRatio: String(p.maxFailureRatio), order: p.order }];
    }
    if (JSON.stringify(was?.changes) !== JSON.stringify(h.changes)) {
      byId('changes').hidden = h.changes.length === 0;
      byId<GridElement>('changes-grid').rowsData = h.changes.map((c) => ({ path: c.path, before: c.before ?? '(none)', after: c.after ?? '(none)' }));
    }
    this.detail(h, was);
  }

  /** The phase's line; while verifying, a countdown from when this view arrived, on this page's clock. */
  private detail(h: RolloutHeader, was: RolloutHeader | undefined): void {
    const line = byId('detail');
    const remaining = h.phase.verifyRemainingMs;
    if (remaining === undefined) {
      clearInterval(this.countdown);
      this.countdown = undefined;
      line.textContent = h.phase.detail;
      return;
    }
    if (was?.phase.verifyRemainingMs === remaining && this.countdown) return;
    clearInterval(this.countdown);
    const ends = performance.now() + remaining;
    const tick = (): void => { line.textContent = verifyText(Math.max(0, ends - performance.now())); };
    tick();
    this.countdown = setInterval(tick, 250);
  }
}
