// Quick fixes for stack-file diagnostics: pure (document + diagnostic in, edits out), dispatched by code.
import { readStack, type StackDocument } from '../../stack/document';
import type { StackDiagnostic } from '../types';
import { changeFixes } from './change';
import { defineFixes } from './define';
import { fixDoc } from './locate';
import { moveFixes } from './move';
import { removeFixes } from './remove';
import { restartFixes } from './restart';
import type { QuickFix } from './types';

export type { QuickFix, TextEdit } from './types';

/** `source`: the document as read for its diagnostics (or its text, read here). */
export function quickFixesFor(source: string | StackDocument, diagnostic: StackDiagnostic): QuickFix[] {
  const doc = fixDoc(typeof source === 'string' ? readStack(source, undefined) : source);
  switch (diagnostic.code) {
    case 'unknown-key':
      return diagnostic.data?.moveTo ? [...moveFixes(doc, diagnostic), ...removeFixes(doc, diagnostic)] : changeFixes(diagnostic);
    case 'bad-enum':
    case 'invalid-value':
    case 'unknown-value':
    case 'wrong-type':
    case 'bad-value':
    case 'bad-version':
    case 'bad-name':
      return changeFixes(diagnostic);
    case 'restart-ignored': {
      const fixes = restartFixes(doc, diagnostic); // with its own "Remove `restart`"
      return fixes.length > 0 ? fixes : removeFixes(doc, diagnostic);
    }
    case 'ignored-key':
      return removeFixes(doc, diagnostic);
    case 'unsupported-key':
      return [...moveFixes(doc, diagnostic), ...removeFixes(doc, diagnostic)];
    case 'undefined-network':
    case 'undefined-secret':
    case 'undefined-config':
    case 'undefined-volume':
      return defineFixes(doc, diagnostic);
    default:
      return [];
  }
}
