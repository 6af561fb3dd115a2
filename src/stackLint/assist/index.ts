// Editing help for stack files (completion, hover), pure: text and offsets in, items out.
export { completionsAt } from './complete';
export { contextAt, type AssistContext } from './context';
export { hoverAt } from './hover';
export type { AssistFacts, AssistHover, AssistItem } from './types';
