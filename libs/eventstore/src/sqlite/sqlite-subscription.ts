import type { EventEmitter } from 'node:events';
import type { RecordedEvent, Subscription } from '../event-store.port';

const PAGE_SIZE = 500;

export interface SqliteSubscriptionSource {
  readAfter(position: number, maxCount: number): RecordedEvent[];
  /** Emits 'appended' after an append of this process commits. */
  appended: EventEmitter;
  pollIntervalMs: number;
  onClose(subscription: SqliteSubscription): void;
}

/**
 * Catch-up then live on one loop: read pages after the last yielded position until
 * a page comes back short, then wait for an append of this process or the poll
 * timer (appends of other processes on the same file) and read again. There is no
 * separate live feed to hand over to, hence no gap and no duplicate.
 * One subscription serves one consumer; ending its iteration closes it.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  /** Set by every append, so that one landing while the consumer holds an event is not waited for. */
  private appendedSinceRead = false;
  private wake?: () => void;
  private readonly onAppended = () => {
    this.appendedSinceRead = true;
    this.wakeUp();
  };

  constructor(
    private readonly source: SqliteSubscriptionSource,
    private readonly fromPosition: number,
  ) {
    source.appended.on('appended', this.onAppended);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    let checkpoint = this.fromPosition;
    try {
      while (!this.closed) {
        this.appendedSinceRead = false;
        const page = this.source.readAfter(checkpoint, PAGE_SIZE);
        for (const event of page) {
          if (this.closed) return;
          checkpoint = event.position;
          yield event;
        }
        if (page.length < PAGE_SIZE && !this.appendedSinceRead) await this.waitForAppends();
      }
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.source.appended.off('appended', this.onAppended);
    this.wakeUp();
    this.source.onClose(this);
  }

  private waitForAppends(): Promise<void> {
    return new Promise((resolve) => {
      const poll = setTimeout(() => this.wakeUp(), this.source.pollIntervalMs);
      // A subscription waiting for appends must not keep the process alive on its own.
      poll.unref();
      this.wake = () => {
        clearTimeout(poll);
        resolve();
      };
    });
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
