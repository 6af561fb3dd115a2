// Rollouts started anywhere (the CLI, a CI job, another editor) are followed: a service whose
// UpdateStatus turns `updating` or `rollback_started` counts in the Swarm view's badge (its tree item
// already says so and offers "Show Rollout"), and `swarm.rollout.openView` decides whether its view
// opens by itself (always), is offered (ask) or not (never). The operations commands apply the same
// setting to the rollouts they start, and open the view through `swarm.rollout.open`.
import * as vscode from 'vscode';
import type { UpdateState } from '../../domain/model';
import type { ChangeBatch, ClusterView } from '../../store/types';
import { readRolloutOpenView, saveRolloutOpenView } from '../settings';
import type { TreeElement } from '../tree/elements';
import type { RolloutPanels } from './rolloutPanels';

const ROLLING: ReadonlySet<UpdateState | undefined> = new Set<UpdateState | undefined>(['updating', 'rollback_started']);
/** The operations commands open the view themselves right after they start a rollout: give them that long. */
const ASK_AFTER_MS = 2_500;

export class RolloutFollower implements vscode.Disposable {
  private readonly states = new Map<string, UpdateState | undefined>();
  private view: ClusterView | undefined;
  private subscription: vscode.Disposable | undefined;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly treeView: vscode.TreeView<TreeElement>, private readonly panels: RolloutPanels) {}

  setView(view: ClusterView | undefined): void {
    this.subscription?.dispose();
    this.view = view;
    this.states.clear();
    // What is rolling when we connect is badged, not announced: it did not just start.
    for (const s of view?.all('service') ?? []) this.states.set(s.id, s.updateStatus?.state);
    this.subscription = view?.onDidChange((b) => this.onBatch(b));
    this.badge();
  }

  private onBatch(batch: ChangeBatch): void {
    const view = this.view;
    if (!view) return;
    for (const c of batch.changes) {
      if (c.kind !== 'service') continue;
      for (const id of c.removed) this.states.delete(id);
      for (const id of [...c.added, ...c.updated]) {
        const s = view.get('service', id);
        const now = s?.updateStatus?.state;
        const was = this.states.get(id);
        this.states.set(id, now);
        if (s && ROLLING.has(now) && !ROLLING.has(was) && !batch.resync) this.started(id, s.name, now === 'rollback_started');
      }
    }
    this.badge();
  }

  private badge(): void {
    const n = [...this.states.values()].filter((s) => ROLLING.has(s)).length;
    this.treeView.badge = n > 0 ? { value: n, tooltip: `${n} rollout${n === 1 ? '' : 's'} in progress` } : undefined;
  }

  private started(serviceId: string, name: string, rollback: boolean): void {
    const setting = readRolloutOpenView();
    if (setting === 'never' || this.panels.isOpen(serviceId)) return;
    if (setting === 'always') { void this.panels.open(serviceId, true); return; }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.panels.isOpen(serviceId)) return;
      void vscode.window.showInformationMessage(`Service ${name} started ${rollback ? 'rolling back' : 'an update'}. Follow it in the rollout view?`,
        'Show Rollout', 'Always', 'Never').then(async (choice) => {
        if (choice === 'Always' || choice === 'Never') await saveRolloutOpenView(choice === 'Always' ? 'always' : 'never');
        if (choice === 'Show Rollout' || choice === 'Always') await this.panels.open(serviceId);
      });
    }, ASK_AFTER_MS);
    this.timers.add(timer);
  }

  dispose(): void {
    this.subscription?.dispose();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.treeView.badge = undefined;
  }
}
