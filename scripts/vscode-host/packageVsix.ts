// The .vsix a user installs, made offline with @vscode/vsce from the esbuild bundle (dist/): the UI
// tests and `npm start` install this artefact into the VS Code server rather than loading sources.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './server';

interface Manifest { name: string; version: string }

export function packageVsix(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const out = path.join(ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  // README's images are relative (docs/screenshots): keep them so, there is no repository URL to rewrite them to.
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}
