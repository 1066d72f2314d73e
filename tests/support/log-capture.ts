import { Writable } from 'node:stream';

/** Collects the hub's JSON log lines so a test can read what was logged (e.g. an emailed link). */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(line);
      try {
        this.lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not JSON: kept in raw only
      }
    }
    done();
  }

  /** The last link logged for this address (verification or reset emails without SMTP). */
  linkFor(email: string): string | undefined {
    return this.lines.filter((l) => l.to === email && typeof l.link === 'string').at(-1)?.link as
      string | undefined;
  }

  text(): string {
    return this.raw.join('\n');
  }
}
