// Offsets ↔ 0-based line/character positions (VS Code's convention), by binary search over line starts.

export interface Position { readonly line: number; readonly character: number }

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number { return this.starts.length; }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - (this.starts[lo] ?? 0) };
  }

  offset(pos: Position): number {
    return (this.starts[Math.min(pos.line, this.starts.length - 1)] ?? 0) + pos.character;
  }
}
