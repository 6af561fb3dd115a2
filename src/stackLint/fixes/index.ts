// Quick fixes for stack-file diagnostics: pure (text + diagnostic in, edits out), dispatched by code.
import type { StackDiagnostic } from '../types';
import { changeFixes } from './change';
import { defineFixes } from './define';
import { removeFixes } from './remove';
import { resourceFixes } from './resources';
import { restartFixes } from './restart';
import type { QuickFix } from './types';

export type { QuickFix, TextEdit } from './types';

export function quickFixesFor(text: string, diagnostic: StackDiagnostic): QuickFix[] {
  switch (diagnostic.code) {
    case 'unknown-key':
    case 'bad-enum':
    case 'wrong-type':
    case 'bad-version':
      return changeFixes(diagnostic);
    case 'ignored-key':
      // restartFixes includes its own "Remove `restart`".
      if (diagnostic.data?.key === 'restart') {
        const fixes = restartFixes(text, diagnostic);
        if (fixes.length > 0) return fixes;
      }
      return removeFixes(text, diagnostic);
    case 'unsupported-key':
      return [...resourceFixes(text, diagnostic), ...removeFixes(text, diagnostic)];
    case 'extends-unsupported':
      return removeFixes(text, diagnostic);
    case 'undefined-network':
    case 'undefined-secret':
    case 'undefined-config':
    case 'undefined-volume':
      return defineFixes(text, diagnostic);
    default:
      return [];
  }
}
