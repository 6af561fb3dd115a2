// The rollout webview bundle (dist/webview, built by scripts/build.mjs) in a real headless Chromium:
// a static page on 127.0.0.1 with the panel's CSP (`default-src 'none'`, scripts by nonce) and a stub
// `acquireVsCodeApi` that records what the webview posts and keeps its state, as VS Code does.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostMessage, RolloutWebviewState, WebviewMessage } from '../../src/protocol/rollout';

const DIST = path.join(__dirname, '..', '..', 'dist', 'webview');
const NONCE = 'testnonce0123456789';
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Theme variables a workbench would set on the webview's <html> (only those the page uses matter). */
export type ThemeVars = Readonly<Record<string, string>>;

/** The theme's variables come from /theme.css: the CSP allows no inline style. */
function page(origin: string, state: RolloutWebviewState | undefined, themeClass: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${origin} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; font-src ${origin};">
<meta property="csp-nonce" content="${NONCE}">
<link rel="stylesheet" href="${origin}/theme.css"><link rel="stylesheet" href="${origin}/rollout.css"><title>rollout</title></head>
<body class="${themeClass}">
<script nonce="${NONCE}">
  window.__posted = []; window.__state = ${JSON.stringify(state ?? null)};
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => window.__state ?? undefined,
    setState: (s) => { window.__state = s; },
  });
</script>
<script nonce="${NONCE}" src="${origin}/rollout.js"></script></body></html>`;
}

export class WebviewHarness {
  private server: http.Server | undefined;
  private browser: Browser | undefined;
  private origin = '';
  private theme: ThemeVars = {};

  async start(): Promise<void> {
    if (!fs.existsSync(path.join(DIST, 'rollout.js'))) throw new Error('dist/webview/rollout.js is missing: run `npm run build` first');
    this.server = http.createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0] ?? '/';
      if (name === '/theme.css') {
        res.writeHead(200, { 'content-type': 'text/css' });
        res.end(`html { ${Object.entries(this.theme).map(([k, v]) => `${k}: ${v};`).join(' ')} }`);
        return;
      }
      const file = path.join(DIST, path.basename(name));
      if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' });
      res.end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  }

  /** A fresh page with the bundle loaded (and `state` as what getState returns). */
  async open(options: { state?: RolloutWebviewState; theme?: ThemeVars; themeClass?: string; width?: number; height?: number } = {}): Promise<Page> {
    if (!this.browser) throw new Error('start() first');
    this.theme = options.theme ?? {};
    const p = await this.browser.newPage({ viewport: { width: options.width ?? 1200, height: options.height ?? 900 } });
    const html = page(this.origin, options.state, options.themeClass ?? 'vscode-dark');
    await p.route(`${this.origin}/index.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await p.goto(`${this.origin}/index.html`);
    await p.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    return p;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function send(p: Page, message: HostMessage): Promise<void> {
  return p.evaluate((m) => { window.postMessage(m, '*'); }, message);
}

export function posted(p: Page): Promise<WebviewMessage[]> {
  return p.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted);
}

export function stateOf(p: Page): Promise<RolloutWebviewState | null> {
  return p.evaluate(() => (window as unknown as { __state: RolloutWebviewState | null }).__state);
}

export function violations(p: Page): Promise<string[]> {
  return p.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}
