import { createHash } from 'node:crypto';
import type { ContentSummary } from './format';

const MODULUS = 1n << 256n;

/**
 * An order-free digest of a collection or log: the sum (mod 2^256) of the
 * sha256 of each canonical line. Two engines may list the same records in
 * different orders; their digests still agree, and any changed, missing or
 * extra line changes it. Together with the count it is what a migration
 * compares between source and target.
 */
export class ContentDigest {
  private sum = 0n;
  private lines = 0;

  add(line: string): void {
    this.sum =
      (this.sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) % MODULUS;
    this.lines += 1;
  }

  get count(): number {
    return this.lines;
  }

  summary(): ContentSummary {
    return { count: this.lines, digest: this.sum.toString(16).padStart(64, '0') };
  }
}
