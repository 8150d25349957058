import { ScanLog, ScanRecord } from './scan-log.port';

export interface ScanRecorderOptions {
  /** How often the buffer is written, in ms. */
  intervalMs: number;
  /** A buffer this full is written at once, without waiting for the timer. */
  maxBatch: number;
  /** While the log refuses writes, at most this many scans wait in memory; older ones are dropped. */
  maxHeld: number;
}

export const DEFAULT_RECORDER_OPTIONS: ScanRecorderOptions = { intervalMs: 200, maxBatch: 1000, maxHeld: 100_000 };

/**
 * Scans on their way to the log: a scan only pushes onto a buffer; the buffer goes to the log
 * in one transaction every `intervalMs` (or when `maxBatch` scans wait) and on shutdown. A
 * crash loses what waits in the buffer — at most one interval's scans.
 */
export class ScanRecorder {
  private buffer: ScanRecord[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private flushQueued = false;

  constructor(
    private readonly log: ScanLog,
    private readonly onError: (error: unknown, dropped: number) => void,
    private readonly options: ScanRecorderOptions = DEFAULT_RECORDER_OPTIONS,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.options.intervalMs);
    this.timer.unref();
  }

  add(record: ScanRecord): void {
    this.buffer.push(record);
    if (this.buffer.length >= this.options.maxBatch && !this.flushQueued) {
      this.flushQueued = true;
      // After the answer that brought it has been written.
      setImmediate(() => void this.flush());
    }
  }

  /** Writes what waits; resolves once it is in the log (or back in the buffer after a failure). */
  flush(): Promise<void> {
    this.flushQueued = false;
    this.writing = this.writing.then(() => this.writeBuffer());
    return this.writing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private async writeBuffer(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await this.log.append(batch);
    } catch (error) {
      const held = batch.concat(this.buffer);
      const dropped = Math.max(0, held.length - this.options.maxHeld);
      this.buffer = held.slice(dropped);
      this.onError(error, dropped);
    }
  }
}
