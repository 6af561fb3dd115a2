// The rollout webview: registers the toolkit's components, builds the page, restores the last view
// from its state (a reloaded window shows it at once), says it is ready, then applies what the host
// sends: a whole view, then patches. A patch that does not follow the revision held asks for a resync.
import {
  provideVSCodeDesignSystem, vsCodeBadge, vsCodeButton, vsCodeDataGrid, vsCodeDataGridCell, vsCodeDataGridRow, vsCodeProgressRing,
} from '@vscode/webview-ui-toolkit';
import type { RolloutView } from '../../src/domain/rollout/view';
import type { HostMessage } from '../../src/protocol/rollout';
import { applyPatch } from '../../src/protocol/rolloutPatch';
import { byId, el } from './dom';
import { HeaderView } from './header';
import { SlotList } from './slotList';
import { renderTimeline } from './timeline';
import { vscode } from './vscodeApi';

provideVSCodeDesignSystem().register(vsCodeBadge(), vsCodeButton(), vsCodeDataGrid(), vsCodeDataGridCell(), vsCodeDataGridRow(), vsCodeProgressRing());

function section(title: string, id: string, ...body: HTMLElement[]): HTMLElement {
  const h = el('h2', undefined, title);
  h.id = `${id}-title`;
  const s = el('section', undefined, h, ...body);
  s.id = id;
  s.setAttribute('aria-labelledby', h.id);
  return s;
}

function withId<T extends HTMLElement>(e: T, id: string): T {
  e.id = id;
  return e;
}

function buildPage(): void {
  const ring = withId(el('vscode-progress-ring'), 'ring');
  const overallBar = withId(el('div', 'bar big', withId(el('div', 'fill'), 'overall-fill')), 'overall-bar');
  overallBar.setAttribute('role', 'progressbar');
  overallBar.setAttribute('aria-label', 'tasks updated and running');
  const head = el('div', 'slot slot-head',
    ...['Slot', 'Node', 'Old task', '', 'New task', 'Progress', 'State', 'Error'].map((t) => el('span', undefined, t)));
  head.setAttribute('role', 'row');
  const viewport = withId(el('div', 'viewport', withId(el('div', 'spacer'), 'spacer')), 'viewport');
  viewport.setAttribute('role', 'table');
  viewport.setAttribute('aria-label', 'tasks by slot');
  viewport.tabIndex = 0;
  document.body.replaceChildren(
    el('header', undefined,
      el('div', 'title-line', withId(el('h1'), 'service'), withId(el('span', 'phase'), 'phase'), ring, withId(el('span', 'mode'), 'mode')),
      withId(el('div', 'image'), 'image'),
      withId(el('div', 'detail'), 'detail'),
      el('div', 'overall-line', overallBar, withId(el('vscode-badge'), 'count'), withId(el('span'), 'overall')),
      withId(el('div', 'status'), 'status'),
      withId(el('div', 'actions'), 'actions')),
    section('Update config in force', 'policy-section', withId(el('vscode-data-grid'), 'policy')),
    section('Changed fields', 'changes', withId(el('vscode-data-grid'), 'changes-grid')),
    section('Tasks', 'tasks', head, viewport),
    section('Timeline', 'history', withId(el('p', 'empty', 'Nothing happened yet.'), 'timeline-empty'), withId(el('ol', 'timeline'), 'timeline')),
  );
}

buildPage();
const header = new HeaderView();
const slots = new SlotList(byId('viewport'), byId('spacer'));
let view: RolloutView | undefined;
let rev = -1;

function show(next: RolloutView, nextRev: number): void {
  const prev = view;
  view = next;
  rev = nextRev;
  if (prev?.header !== next.header) header.update(next.header);
  slots.setRows(next.rows);
  byId('tasks-title').textContent = `Tasks (${next.rows.length} ${next.header.mode.startsWith('global') ? 'nodes' : 'slots'})`;
  if (prev?.timeline !== next.timeline) renderTimeline(next.timeline);
  vscode.setState({ serviceId: next.header.serviceId, rev, view: next });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (m.type === 'view') show(m.view, m.rev);
  else if (m.type === 'patch') {
    if (!view || m.base !== rev) vscode.postMessage({ type: 'resync' });
    else show(applyPatch(view, m.patch), m.rev);
  }
});

const restored = vscode.getState();
if (restored) show(restored.view, restored.rev);
vscode.postMessage(restored ? { type: 'ready', rev: restored.rev } : { type: 'ready' });
