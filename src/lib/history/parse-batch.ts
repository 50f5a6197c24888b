/** What the batch output holds next: an answer's header line, its content, or the newline after it. */
type BatchPart = 'header' | 'content' | 'separator';

/**
 * Splits the output of `git cat-file --batch` into its answers, one per requested object and in the
 * order asked, however the output is cut into reads. An answer is `<oid> <type> <size>\n<content>\n`,
 * or `<oid> missing\n` for an object the repository does not have: `onAnswer` receives the content, or
 * null. The bytes given to `push` may be overwritten once it returns, so content is copied into a
 * buffer of its own.
 */
export class BatchOutputParser {
  private expecting: BatchPart = 'header';
  // A header line split across reads.
  private headerParts: Buffer[] = [];
  private content: Buffer | null = null;
  private contentReceived = 0;

  constructor(private readonly onAnswer: (content: Buffer | null) => void) {}

  /** Takes the next bytes of the output. */
  push(bytes: Buffer): void {
    let offset = 0;
    while (offset < bytes.length) {
      if (this.expecting === 'header') {
        const lineEnd = bytes.indexOf(0x0a, offset);
        if (lineEnd < 0) {
          this.headerParts.push(Buffer.from(bytes.subarray(offset)));
          return;
        }
        const line = Buffer.concat([...this.headerParts, bytes.subarray(offset, lineEnd)]).toString('utf8');
        this.headerParts = [];
        offset = lineEnd + 1;
        if (line.endsWith(' missing')) {
          this.onAnswer(null);
          continue;
        }
        this.content = Buffer.allocUnsafe(Number(line.slice(line.lastIndexOf(' ') + 1)));
        this.contentReceived = 0;
        this.expecting = 'content';
      }
      if (this.expecting === 'content') {
        const content = this.content!;
        const copied = bytes.copy(content, this.contentReceived, offset);
        this.contentReceived += copied;
        offset += copied;
        if (this.contentReceived < content.length) return;
        this.content = null;
        this.expecting = 'separator';
        this.onAnswer(content);
      } else {
        offset += 1;
        this.expecting = 'header';
      }
    }
  }
}
