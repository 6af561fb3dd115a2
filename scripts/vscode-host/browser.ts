// Debian's Chromium, headless, driven by playwright-core: the browser half of the real VS Code
// (the workbench runs in it; the server runs the extension host). Only loopback is ever visited.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this closed
// network refuses; the sandbox needs a user namespace that root in a container does not get.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Workbench console noise of an offline machine (marketplace, fonts, service worker), not our errors. */
const NOISE = /ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource|Service ?Worker|bad HTTP response|marketplace|gallery/i;

/** Forwards the page's errors (and lines tagged `tag`) to this process's console. */
export function forwardConsole(page: Page, tag?: string, onTagged?: (line: string) => void): void {
  page.on('console', (m) => {
    const text = m.text();
    const i = tag ? text.indexOf(tag) : -1;
    if (i >= 0) { const line = text.slice(i + (tag?.length ?? 0)); if (onTagged) onTagged(line); else console.log(line); }
    else if (m.type() === 'error' && !NOISE.test(text)) console.error('[workbench]', text);
  });
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
}
