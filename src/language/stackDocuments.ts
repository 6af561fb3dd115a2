// Which documents are stack files: YAML documents whose name looks like a stack or compose file, plus
// the user's extra globs. The `yaml` language stays (other YAML extensions keep working); our features
// attach by document selector.
import * as vscode from 'vscode';
import { DEFAULT_STACK_GLOBS } from '../stackFiles/globs';

/** Files on disk only: diff and git views (other schemes) show the same text and must not report it twice. */
export function stackSelector(extraGlobs: readonly string[]): vscode.DocumentFilter[] {
  return [...DEFAULT_STACK_GLOBS, ...extraGlobs].map((pattern) => ({ language: 'yaml', scheme: 'file', pattern }));
}

export function readExtraGlobs(): string[] {
  const value = vscode.workspace.getConfiguration('swarm').get<unknown>('stackFiles.extraGlobs');
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

export function isStackDocument(doc: vscode.TextDocument, selector: readonly vscode.DocumentFilter[]): boolean {
  return vscode.languages.match([...selector], doc) > 0;
}
