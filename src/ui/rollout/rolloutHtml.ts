// The rollout panel's page: a strict CSP (`default-src 'none'`; scripts and the toolkit's style
// elements by a fresh nonce, the stylesheet from the extension's dist/webview only) and the bundle.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';

/** The only folder the panel may load from (localResourceRoots). */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function rolloutHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = crypto.randomBytes(18).toString('base64url');
  const root = webviewRoot(extensionUri);
  const js = webview.asWebviewUri(vscode.Uri.joinPath(root, 'rollout.js'));
  const css = webview.asWebviewUri(vscode.Uri.joinPath(root, 'rollout.css'));
  const src = webview.cspSource;
  const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  // FAST (under the toolkit) reads the nonce from the csp-nonce meta for the <style> it probes with.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${src} 'nonce-${nonce}'; font-src ${src}; script-src 'nonce-${nonce}';">
<meta property="csp-nonce" content="${nonce}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}">
<title>${esc(title)}</title>
</head>
<body>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}
