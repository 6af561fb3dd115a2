// The per-slot rows, rendered for what is visible only: a spacer as tall as all rows, and a small pool
// of absolutely placed row elements re-used as the list scrolls (the toolkit's data grid renders every
// row, which a 1,000-replica service cannot afford). A row is repainted only when its object changed
// (patches keep unchanged rows' objects).
import type { SlotRow, TaskCell } from '../../src/domain/rollout/view';
import { RUNNING_INDEX } from '../../src/domain/taskStates';
import { el } from './dom';

/** px; the stylesheet's `.slot` height is the same. */
export const ROW_HEIGHT = 28;
/** Rows rendered above and below the visible ones, so a fast scroll shows no gap. */
const OVERSCAN = 8;

const STATUS_TEXT: Readonly<Record<SlotRow['status'], string>> = {
  done: 'running', progress: 'starting', waiting: 'waiting', failed: 'failed', down: 'node down', stopping: 'stopping',
};

function taskText(t: TaskCell | undefined): string {
  if (!t) return '—';
  return t.desiredState !== t.state && t.desiredState !== 'running' && t.desiredState !== 'ready' ? `${t.state} → ${t.desiredState}` : t.state;
}

interface RowParts {
  readonly root: HTMLElement;
  readonly slot: HTMLElement;
  readonly node: HTMLElement;
  readonly old: HTMLElement;
  readonly current: HTMLElement;
  readonly bar: HTMLElement;
  readonly fill: HTMLElement;
  readonly status: HTMLElement;
  readonly error: HTMLElement;
}

function createRow(): RowParts {
  const fill = el('div', 'fill');
  const bar = el('div', 'bar', fill);
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', String(RUNNING_INDEX));
  const parts = { slot: el('span', 'c-slot'), node: el('span', 'c-node'), old: el('span', 'c-old'), current: el('span', 'c-current'),
    status: el('span', 'c-status'), error: el('span', 'c-error') };
  const root = el('div', 'slot', parts.slot, parts.node, parts.old, el('span', 'c-arrow', '→'), parts.current, el('span', 'c-bar', bar), parts.status, parts.error);
  root.setAttribute('role', 'row');
  for (const c of Array.from(root.children)) c.setAttribute('role', 'cell');
  return { root, bar, fill, ...parts };
}

function paint(p: RowParts, row: SlotRow): void {
  p.root.className = `slot s-${row.status}`;
  p.slot.textContent = row.label;
  p.node.textContent = row.node ?? '';
  p.old.textContent = taskText(row.old);
  p.old.title = row.old ? `${row.old.image} — task ${row.old.taskId}` : 'no task of an older spec in this slot';
  p.current.textContent = taskText(row.current);
  p.current.title = row.current ? `${row.current.image} — task ${row.current.taskId}` : 'no task of the current spec yet';
  p.fill.style.width = `${(row.bar / RUNNING_INDEX) * 100}%`;
  p.bar.setAttribute('aria-valuenow', String(row.bar));
  p.bar.setAttribute('aria-label', `${row.current?.state ?? 'no task'}: ${row.bar} of ${RUNNING_INDEX}`);
  p.status.textContent = STATUS_TEXT[row.status];
  p.error.textContent = row.error ?? '';
  // The error in full on hover (the cell shows what fits).
  p.root.title = row.error ? `${row.label}: ${row.error}` : '';
}

export class SlotList {
  private rows: readonly SlotRow[] = [];
  private readonly pool: RowParts[] = [];
  private readonly painted = new WeakMap<RowParts, { row: SlotRow; index: number }>();
  private frame = 0;

  constructor(private readonly viewport: HTMLElement, private readonly spacer: HTMLElement) {
    viewport.addEventListener('scroll', () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(viewport);
  }

  setRows(rows: readonly SlotRow[]): void {
    if (rows === this.rows) return;
    this.rows = rows;
    this.spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    // As tall as its rows, up to the stylesheet's max-height; then it scrolls.
    this.viewport.style.height = `${Math.max(1, rows.length) * ROW_HEIGHT}px`;
    this.viewport.setAttribute('aria-rowcount', String(rows.length + 1));
    this.schedule();
  }

  private schedule(): void {
    this.frame ||= requestAnimationFrame(() => { this.frame = 0; this.render(); });
  }

  /**
   * Row `index` is shown by pool element `index % pool size`: scrolling by k rows repaints k elements,
   * the others keep their row. The pool is sized for the viewport (plus overscan) up front, so it
   * does not grow while scrolling; elements left over near the end of the list are hidden.
   */
  private render(): void {
    const top = this.viewport.scrollTop;
    const height = this.viewport.clientHeight;
    const size = Math.min(this.rows.length, Math.ceil(height / ROW_HEIGHT) + 1 + 2 * OVERSCAN);
    while (this.pool.length < size) {
      const p = createRow();
      this.pool.push(p);
      this.spacer.append(p.root);
    }
    while (this.pool.length > size) this.pool.pop()?.root.remove();
    const first = Math.max(0, Math.min(Math.floor(top / ROW_HEIGHT) - OVERSCAN, this.rows.length - size));
    const used = new Set<RowParts>();
    for (let index = first; index < first + size; index++) {
      const p = this.pool[index % size];
      const row = this.rows[index];
      if (!p || !row) continue;
      used.add(p);
      const was = this.painted.get(p);
      if (was?.index !== index) {
        p.root.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
        p.root.setAttribute('aria-rowindex', String(index + 2));
      }
      if (was?.row !== row) paint(p, row);
      p.root.hidden = false;
      this.painted.set(p, { row, index });
    }
    for (const p of this.pool) if (!used.has(p)) p.root.hidden = true;
  }
}
