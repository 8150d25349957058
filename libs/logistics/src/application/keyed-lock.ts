/**
 * Runs tasks with the same key one after another. Dispatch checks where cartons are
 * against the read model and then appends: within one process this closes the window
 * between the two. (Several writer processes need the custody check on a stream of its
 * own; the embedded store has one writer.)
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(task);
    this.tails.set(key, current);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === current) this.tails.delete(key);
    }
  }
}
