// The fast path: js-yaml's loader with its `listener` hook. Every node opens and closes around its
// children, so a stack of frames rebuilds the tree with offsets (~7 ms for 5,000 lines where a full
// `yaml` document costs 10–20× more). It gives up (returns undefined) at the first problem: the
// thorough builder then reports every error with its position.
import { load, type State } from 'js-yaml';
import { collectionEnd, emptyScalar, styleOf, type YNode, type YPair, type YScalar } from './ast';

interface Frame { start: number; children: YNode[] }

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Moves `start` past white space, comments, anchors and tags; `end` back over white space. */
function trim(text: string, start: number, end: number): [number, number] {
  let s = start;
  for (;;) {
    while (s < end && isSpace(text[s])) s++;
    if (text[s] === '#') { while (s < end && text[s] !== '\n') s++; continue; }
    if ((text[s] === '&' || text[s] === '!') && s < end) { while (s < end && !isSpace(text[s])) s++; continue; }
    break;
  }
  let e = end;
  while (e > s && isSpace(text[e - 1])) e--;
  return [s, e];
}

function build(text: string, frame: Frame, state: State): YNode {
  const [start, end] = trim(text, frame.start, state.position);
  switch (state.kind) {
    case 'mapping': {
      const pairs: YPair[] = [];
      const c = frame.children;
      for (let i = 0; i + 1 < c.length; i += 2) {
        const key = c[i] as YNode;
        const k: YScalar = key.kind === 'scalar' ? key : { kind: 'scalar', start: key.start, end: key.end, value: text.slice(key.start, key.end), style: 'plain' };
        pairs.push({ key: k, value: c[i + 1] as YNode });
      }
      return { kind: 'map', start, end: collectionEnd(text, start, end, pairs.at(-1)?.value), pairs };
    }
    case 'sequence':
      return { kind: 'seq', start, end: collectionEnd(text, start, end, frame.children.at(-1)), items: frame.children };
    case 'scalar': {
      // A node js-yaml first tried as a mapping key arrives wrapped in a second frame: keep the inner one.
      const inner = frame.children.length === 1 ? frame.children[0] : undefined;
      if (inner?.kind === 'scalar') return inner;
      return { kind: 'scalar', start, end, value: state.result, style: styleOf(text, start) };
    }
    default:
      if (text[start] === '*') return { kind: 'alias', start, end };
      return emptyScalar(frame.start); // right after the key's colon, as the thorough builder puts it
  }
}

export function fastParse(text: string): YNode | undefined {
  const stack: Frame[] = [{ start: 0, children: [] }];
  try {
    load(text, {
      listener(this: State, type: 'open' | 'close', state: State) {
        if (type === 'open') { stack.push({ start: state.position, children: [] }); return; }
        const frame = stack.pop() as Frame;
        (stack[stack.length - 1] as Frame).children.push(build(text, frame, state));
      },
    });
  } catch {
    return undefined;
  }
  const root = stack[0]?.children[0];
  return root && root.kind === 'scalar' && root.style === 'empty' ? undefined : root;
}
