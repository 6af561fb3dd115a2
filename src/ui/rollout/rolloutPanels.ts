// The rollout panels: one per service, opened by `swarm.rollout.open`, restored after a window reload
// (a WebviewPanelSerializer), following the current store, and the actions the webview asks for (the
// operations commands by id, the tree, the spec diff).
import * as vscode from 'vscode';
import type { Availability } from '../../domain/rollout/actions';
import type { ActionId } from '../../domain/rollout/view';
import { restoredServiceId, type RolloutWebviewState } from '../../protocol/rollout';
import type { ClusterView } from '../../store/types';
import type { ClusterTreeProvider } from '../tree/clusterTreeProvider';
import type { TreeElement } from '../tree/elements';
import { ROLLOUT_VIEW_TYPE, RolloutPanel } from './rolloutPanel';
import type { SpecDocuments } from './specDiff';

/** The operations commands the view's buttons run (issue 10's), given the service's tree element. */
export const ROLLBACK_COMMAND = 'swarm.service.rollback';
export const LOGS_COMMAND = 'swarm.service.logs';

export interface RolloutDeps {
  readonly extensionUri: vscode.Uri;
  readonly tree: ClusterTreeProvider;
  readonly treeView: vscode.TreeView<TreeElement>;
  readonly specs: SpecDocuments;
  /** Connects to Docker if the Swarm view has not yet (a panel restored after a reload needs the store). */
  ensureConnected(): void;
  /** A service's Spec and PreviousSpec from the engine (undefined while not connected). */
  specsOf(serviceId: string): Promise<{ name: string; spec: unknown; previous: unknown } | undefined>;
}

export class RolloutPanels implements vscode.Disposable {
  private readonly panels = new Map<string, RolloutPanel>();
  private view: ClusterView | undefined;
  private commands = new Set<string>();
  private readonly serializer: vscode.Disposable;

  constructor(private readonly deps: RolloutDeps) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(ROLLOUT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        const id = restoredServiceId(state);
        if (!id) { panel.dispose(); return; }
        await this.refreshCommands();
        this.adopt(panel, id, state as RolloutWebviewState);
      },
    });
    void this.refreshCommands();
  }

  setView(view: ClusterView | undefined): void {
    this.view = view;
    for (const p of this.panels.values()) p.setView(view);
  }

  isOpen(serviceId: string): boolean {
    return this.panels.has(serviceId);
  }

  /** Shows the service's rollout panel, opening it if needed. */
  async open(serviceId: string, preserveFocus = false): Promise<void> {
    const existing = this.panels.get(serviceId);
    if (existing) { existing.panel.reveal(undefined, preserveFocus); return; }
    await this.refreshCommands();
    const panel = vscode.window.createWebviewPanel(ROLLOUT_VIEW_TYPE, 'Rollout', { viewColumn: vscode.ViewColumn.Active, preserveFocus }, {
      enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [],
    });
    this.adopt(panel, serviceId);
  }

  private adopt(panel: vscode.WebviewPanel, serviceId: string, restored?: RolloutWebviewState): void {
    this.deps.ensureConnected();
    const p = new RolloutPanel(panel, serviceId, {
      extensionUri: this.deps.extensionUri,
      available: () => this.available(serviceId),
      run: (action, id) => { void this.run(action, id); },
    }, this.view, restored);
    this.panels.set(serviceId, p);
    panel.onDidDispose(() => { if (this.panels.get(serviceId) === p) this.panels.delete(serviceId); });
  }

  private available(serviceId: string): Availability {
    return {
      rollback: this.commands.has(ROLLBACK_COMMAND),
      logs: this.commands.has(LOGS_COMMAND),
      reveal: this.deps.tree.find('service', serviceId) !== undefined,
    };
  }

  private async refreshCommands(): Promise<void> {
    this.commands = new Set(await vscode.commands.getCommands(true));
  }

  private async run(action: ActionId, serviceId: string): Promise<void> {
    const element = this.deps.tree.find('service', serviceId);
    try {
      switch (action) {
        case 'rollback': await vscode.commands.executeCommand(ROLLBACK_COMMAND, element ?? serviceId); return;
        case 'logs': await vscode.commands.executeCommand(LOGS_COMMAND, element ?? serviceId); return;
        case 'reveal':
          if (element) await this.deps.treeView.reveal(element, { select: true, focus: true, expand: true });
          return;
        case 'specDiff': {
          const specs = await this.deps.specsOf(serviceId);
          if (!specs) throw new Error('the service is not on the cluster (or Docker is not connected)');
          if (specs.previous === undefined) throw new Error(`${specs.name} has no previous spec to compare with`);
          await this.deps.specs.open(specs.name, specs.previous, specs.spec);
          return;
        }
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`Rollout view: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    this.serializer.dispose();
    for (const p of this.panels.values()) p.dispose();
    this.panels.clear();
  }
}
