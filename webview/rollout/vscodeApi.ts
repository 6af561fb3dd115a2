// The webview's side of VS Code: `acquireVsCodeApi` (callable once per page), typed with our protocol.
import type { RolloutWebviewState, WebviewMessage } from '../../src/protocol/rollout';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): RolloutWebviewState | undefined;
  setState(state: RolloutWebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();
