/** pino-roll ships no types: the part of its API the desktop uses (see its README). */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  export interface PinoRollOptions {
    file: string;
    size?: number | string;
    frequency?: number | 'daily' | 'hourly';
    extension?: string;
    mkdir?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    /** Sonic-boom: write synchronously (a crash loses no line). */
    sync?: boolean;
  }

  export interface RollingStream extends DestinationStream {
    end(): void;
    flushSync(): void;
    once(event: 'close' | 'finish', listener: () => void): this;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
}
