// Entry point: wires settings → Docker endpoint → cluster store → tree view, status bar and commands.
import * as vscode from 'vscode';
import { registerCommands, type CommandStreams } from './commands/registerCommands';
import { SwarmLog } from './commands/swarmLog';
import { createSwarmApi } from './docker/dockerSwarmApi';
import { DockerWriteApi } from './docker/dockerWriteApi';
import { DockerShellStreams } from './docker/execShell';
import { DockerLogStreams } from './docker/logStream';
import { ContextNodeEngines } from './docker/nodeEngines';
import type { OperationContext } from './operations/operation';
import { ClusterStore } from './store/clusterStore';
import type { ClusterView } from './store/types';
import { ConnectionStatus } from './ui/connectionStatus';
import { onDidChangeSettings, readActionSettings, readSettings } from './ui/settings';
import { LogDocuments } from './ui/logs/logDocuments';
import { ClusterTreeProvider } from './ui/tree/clusterTreeProvider';
import { registerStackLanguage } from './language/registerStackLanguage';

/** What `activate` returns (for the extension-host tests). */
export interface SwarmExtensionApi {
  store(): ClusterView | undefined;
  readonly treeProvider: ClusterTreeProvider;
  /** The status bar item's text and tooltip as shown. */
  statusBar(): { readonly text: string; readonly tooltip: string; readonly visible: boolean };
}

export function activate(context: vscode.ExtensionContext): SwarmExtensionApi {
  const treeProvider = new ClusterTreeProvider();
  const treeView = vscode.window.createTreeView('swarm.cluster', { treeDataProvider: treeProvider, showCollapseAll: true, canSelectMany: true });
  const status = new ConnectionStatus(treeView);
  let store: ClusterStore | undefined;
  let writer: DockerWriteApi | undefined;
  let streams: CommandStreams | undefined;
  const logViews = new LogDocuments();
  const log = new SwarmLog();
  const engines = new ContextNodeEngines(log);
  const stackLanguage = registerStackLanguage(() => store);

  const disconnect = (): void => {
    treeProvider.setView(undefined);
    status.setView(undefined);
    store?.dispose();
    store = undefined;
    writer = undefined;
    streams = undefined;
  };

  const connect = (): void => {
    disconnect();
    const settings = readSettings();
    try {
      const api = createSwarmApi(settings.dockerHost);
      store = new ClusterStore(api, { fastTaskPollMs: settings.fastTaskPollMs, slowTaskPollMs: settings.slowTaskPollMs });
      writer = new DockerWriteApi(api, log);
      streams = { logs: new DockerLogStreams(api), shell: new DockerShellStreams(api), read: api };
    } catch (e) {
      showEndpointError(status, e instanceof Error ? e.message : String(e));
      return;
    }
    treeProvider.setView(store);
    status.setView(store);
    // Cluster-aware stack checks follow the cluster (the store disposes these listeners with itself).
    store.onDidChange((b) => stackLanguage.clusterChanged(b.changes.map((c) => c.kind)));
    store.onDidChangeConnection(() => stackLanguage.clusterChanged());
    store.start();
  };

  // Opening a stack file activates the extension too: connect to Docker only once the Swarm view shows.
  let connectedOnce = false;
  const connectWhenVisible = (): void => {
    if (connectedOnce || !treeView.visible) return;
    connectedOnce = true;
    connect();
  };

  const operations = (): OperationContext | undefined => store && writer && {
    view: store, api: writer, log, cluster: store.endpointLabel, waitMs: readActionSettings().waitMs, engines,
  };

  context.subscriptions.push(
    { dispose: disconnect },
    treeView, treeProvider, status, stackLanguage, log, logViews,
    vscode.window.onDidChangeActiveTextEditor((e) => logViews.updateContext(e)),
    treeView.onDidChangeVisibility(connectWhenVisible),
    ...registerCommands({ store: () => store, reconnect: () => { connectedOnce = true; connect(); }, operations, log, streams: () => streams, logViews }),
    onDidChangeSettings({
      onEndpointChanged: () => { if (connectedOnce) connect(); },
      onPollingChanged: (s) => store?.updateOptions({ fastTaskPollMs: s.fastTaskPollMs, slowTaskPollMs: s.slowTaskPollMs }),
    }),
  );
  connectWhenVisible();
  return { store: () => store, treeProvider, statusBar: () => status.snapshot() };
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
