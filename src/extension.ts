// Entry point: wires settings → Docker endpoint → cluster store → tree view, status bar, rollout panels and commands.
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import type { CommandStreams } from './commands/commandContext';
import { SwarmLog } from './commands/swarmLog';
import { DockerSwarmApi } from './docker/dockerSwarmApi';
import { DockerWriteApi } from './docker/dockerWriteApi';
import { DockerShellStreams } from './docker/execShell';
import { DockerLogStreams } from './docker/logStream';
import { ContextNodeEngines } from './docker/nodeEngines';
import { inspectRaw } from './docker/inspect';
import { serviceSpecs } from './docker/serviceSpecs';
import { apiForEndpoint, failoverSet, resolveSwarmEndpoint } from './docker/swarmApis';
import type { OperationContext } from './operations/operation';
import { ClusterStore } from './store/clusterStore';
import type { ClusterView } from './store/types';
import { ConnectionStatus, type StatusSnapshot } from './ui/connectionStatus';
import { InspectDocuments } from './ui/inspect/inspectDocuments';
import { askToTrustHost } from './ui/hostKeyPrompt';
import { onDidChangeSettings, readActionSettings, readSettings, readTreeSettings } from './ui/settings';
import { LogDocuments } from './ui/logs/logDocuments';
import { RolloutFollower } from './ui/rollout/rolloutFollower';
import { RolloutPanels } from './ui/rollout/rolloutPanels';
import { SpecDocuments } from './ui/rollout/specDiff';
import { ClusterTreeProvider } from './ui/tree/clusterTreeProvider';
import { registerStackLanguage } from './language/registerStackLanguage';

/** What `activate` returns (for the extension-host tests). */
export interface SwarmExtensionApi {
  store(): ClusterView | undefined;
  readonly treeProvider: ClusterTreeProvider;
  /** The status bar item's text and tooltip as shown, and the connection's context keys. */
  statusBar(): StatusSnapshot;
}

export function activate(context: vscode.ExtensionContext): SwarmExtensionApi {
  const treeProvider = new ClusterTreeProvider();
  treeProvider.setOptions(readTreeSettings());
  const treeView = vscode.window.createTreeView('swarm.cluster', { treeDataProvider: treeProvider, showCollapseAll: true, canSelectMany: true });
  treeProvider.setVisible(treeView.visible);
  const status = new ConnectionStatus(treeView);
  let store: ClusterStore | undefined;
  const log = new SwarmLog();
  const logViews = new LogDocuments();
  const engines = new ContextNodeEngines(log, { trust: askToTrustHost });
  const stackLanguage = registerStackLanguage(() => store);
  const specs = new SpecDocuments();
  const rollouts = new RolloutPanels({ extensionUri: context.extensionUri, tree: treeProvider, treeView, specs,
    ensureConnected: () => ensureConnected(),
    // Through the manager in use (after a failover, the one that stands in).
    specsOf: (id) => { const api = store?.through; return api instanceof DockerSwarmApi ? serviceSpecs(api, id) : Promise.resolve(undefined); } });
  const follower = new RolloutFollower(treeView, rollouts);
  const inspected = new InspectDocuments();

  const disconnect = (): void => {
    treeProvider.setView(undefined);
    status.setView(undefined);
    rollouts.setView(undefined);
    follower.setView(undefined);
    inspected.setView(undefined, undefined);
    store?.dispose();
    store = undefined;
  };

  let label: string | undefined;
  // The connections of the latest connect, closed when the extension stops. Those of an earlier one
  // are left to close themselves once idle (ssh: ./docker/ssh/dialStdioAgent), so that a shell or
  // log stream opened through them outlives a reconnect.
  let endpoints: { dispose(): void } | undefined;
  const connect = (): void => {
    disconnect();
    const settings = readSettings();
    try {
      const options = { callTimeoutMs: settings.callTimeoutMs, trust: askToTrustHost, context: settings.context };
      const endpoint = resolveSwarmEndpoint(settings.dockerHost, options);
      label = endpoint.source.kind === 'context' ? endpoint.source.name : undefined;
      const api = apiForEndpoint(endpoint, options);
      const alternates = failoverSet(api.endpointLabel, settings.failoverEndpoints, options);
      endpoints = { dispose: () => { api.dispose(); alternates.dispose(); } };
      store = new ClusterStore(api, { fastTaskPollMs: settings.fastTaskPollMs, slowTaskPollMs: settings.slowTaskPollMs,
        stuckAfterMs: readTreeSettings().stuckAfterMs }, alternates);
    } catch (e) {
      showEndpointError(status, e instanceof Error ? e.message : String(e));
      return;
    }
    treeProvider.setView(store);
    status.setView(store, label);
    rollouts.setView(store);
    follower.setView(store);
    const view = store;
    // Through the manager in use, like writes (after a failover, the one that stands in).
    inspected.setView(view, (kind, id) => { const through = view.through; return through instanceof DockerSwarmApi ? inspectRaw(through, kind, id) : Promise.resolve(undefined); });
    // Cluster-aware stack checks follow the cluster (the store disposes these listeners with itself).
    store.onDidChange((b) => stackLanguage.clusterChanged(b.changes.map((c) => c.kind)));
    store.onDidChangeConnection(() => stackLanguage.clusterChanged());
    store.start();
  };

  // Opening a stack file activates the extension too: connect to Docker only once the Swarm view
  // shows (or a rollout panel is restored).
  let connectedOnce = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  const ensureConnected = (): void => {
    if (connectedOnce) return;
    connectedOnce = true;
    connect();
  };
  const connectWhenVisible = (): void => { if (treeView.visible) ensureConnected(); };

  // Writes go through the manager in use too (after a failover, the one that stands in).
  let writer: DockerWriteApi | undefined;
  const operations = (): OperationContext | undefined => {
    const api = store?.through;
    if (!store || !(api instanceof DockerSwarmApi)) return undefined;
    if (writer?.through !== api) writer = new DockerWriteApi(api, log);
    return { view: store, api: writer, log, cluster: store.endpointLabel, waitMs: readActionSettings().waitMs, engines };
  };
  // Log streams and shells too.
  let streams: CommandStreams | undefined;
  const currentStreams = (): CommandStreams | undefined => {
    const api = store?.through;
    if (!(api instanceof DockerSwarmApi)) return undefined;
    if (streams?.read !== api) streams = { logs: new DockerLogStreams(api), shell: new DockerShellStreams(api), read: api };
    return streams;
  };

  context.subscriptions.push(
    { dispose: () => { clearTimeout(reconnectTimer); disconnect(); endpoints?.dispose(); } },
    treeView, treeProvider, status, stackLanguage, specs, rollouts, follower, log, inspected, logViews,
    vscode.window.onDidChangeActiveTextEditor((e) => logViews.updateContext(e)),
    treeView.onDidChangeVisibility(() => { treeProvider.setVisible(treeView.visible); connectWhenVisible(); }),
    treeView.onDidExpandElement((e) => treeProvider.setExpanded(e.element, true)),
    treeView.onDidCollapseElement((e) => treeProvider.setExpanded(e.element, false)),
    ...registerCommands({ store: () => store, reconnect: () => { connectedOnce = true; connect(); }, tree: treeProvider, rollouts,
      memento: context.globalState, problemDetails: () => status.problemDetails(), operations, log, streams: currentStreams, logViews }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('swarm.statusBar')) status.refresh();
      if (!e.affectsConfiguration('swarm.tasks.stuckAfterSeconds')) return;
      const tree = readTreeSettings();
      treeProvider.setOptions(tree);
      store?.updateOptions({ stuckAfterMs: tree.stuckAfterMs });
    }),
    onDidChangeSettings({
      // Select Docker Context updates two settings: one reconnect for both.
      onEndpointChanged: () => { if (connectedOnce) { clearTimeout(reconnectTimer); reconnectTimer = setTimeout(connect, 50); } },
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
