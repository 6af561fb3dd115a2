// What a node kind returns for one element: its presentation (pure: codicon and theme-color ids),
// its contextValue and whether it expands. The provider turns it into a vscode.TreeItem.
import type { Presentation } from '../describe';

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface Shown {
  readonly presentation: Presentation;
  readonly context: string;
  readonly collapsible: Collapsible;
}

export const GONE: Shown = {
  presentation: { label: 'gone', description: '', tooltip: () => 'This object no longer exists.', icon: { id: 'circle-slash' } },
  context: '', collapsible: 'none',
};
