// Public types of the quick-fix computation (pure: text in, edits out).
import type { LineIndex, YMap } from '../../yamlAst';
import type { Range } from '../types';

/** Replace `range` (0-based, like VS Code) with `newText`. */
export interface TextEdit { range: Range; newText: string }

export interface QuickFix {
  title: string;
  /** Non-overlapping edits against the original text. */
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** An edit by offsets, converted to a TextEdit at the end. */
export interface OffsetEdit { start: number; end: number; newText: string }

/** The text the fixes edit, with the tree and line index of the one reading of it. */
export interface FixDoc {
  readonly text: string;
  readonly root: YMap | undefined;
  readonly lines: LineIndex;
}
