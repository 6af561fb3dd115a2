// Entry point: wires settings → Docker endpoint → cluster store → tree view, status bar and commands.
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { createSwarmApi } from './docker/dockerSwarmApi';
import { ClusterStore } from './store/clusterStore';
import type { ClusterView } from './store/types';
import { ConnectionStatus } from './ui/connectionStatus';
import { onDidChangeSettings, readSettings } from './ui/settings';
import { ClusterTreeProvider } from './ui/tree/clusterTreeProvider';

/** What `activate` returns (for integration tests). */
export interface SwarmExtensionApi {
  store(): ClusterView | undefined;
  readonly treeProvider: ClusterTreeProvider;
}

export function activate(context: vscode.ExtensionContext): SwarmExtensionApi {
  const treeProvider = new ClusterTreeProvider();
  const treeView = vscode.window.createTreeView('swarm.cluster', { treeDataProvider: treeProvider, showCollapseAll: true });
  const status = new ConnectionStatus(treeView);
  let store: ClusterStore | undefined;

  const disconnect = (): void => {
    treeProvider.setView(undefined);
    status.setView(undefined);
    store?.dispose();
    store = undefined;
  };

  const connect = (): void => {
    disconnect();
    const settings = readSettings();
    try {
      const api = createSwarmApi(settings.dockerHost);
      store = new ClusterStore(api, { fastTaskPollMs: settings.fastTaskPollMs, slowTaskPollMs: settings.slowTaskPollMs });
    } catch (e) {
      showEndpointError(status, e instanceof Error ? e.message : String(e));
      return;
    }
    treeProvider.setView(store);
    status.setView(store);
    store.start();
  };

  context.subscriptions.push(
    { dispose: disconnect },
    treeView, treeProvider, status,
    ...registerCommands({ store: () => store, reconnect: connect }),
    onDidChangeSettings({
      onEndpointChanged: connect,
      onPollingChanged: (s) => store?.updateOptions({ fastTaskPollMs: s.fastTaskPollMs, slowTaskPollMs: s.slowTaskPollMs }),
    }),
  );
  connect();
  return { store: () => store, treeProvider };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function showEndpointError(status: ConnectionStatus, message: string): void {
  status.showEndpointError(message);
  void vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
    if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'swarm.dockerHost');
  });
}
