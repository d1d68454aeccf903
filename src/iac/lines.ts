/**
 * Maps string offsets to 1-based line numbers. Offsets are usually asked for in increasing order
 * (resources in file order), so the scan resumes from the last answer and stays linear overall.
 */
export class LineCursor {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(target: number): number {
    if (target < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const end = Math.min(target, this.text.length);
    let pos = this.text.indexOf('\n', this.offset);
    while (pos !== -1 && pos < end) {
      this.line++;
      pos = this.text.indexOf('\n', pos + 1);
    }
    this.offset = end;
    return this.line;
  }
}
