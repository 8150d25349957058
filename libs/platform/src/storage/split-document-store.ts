import { Doc, DocChange, docKey, DocPage, DocRef, DocumentStore, DocWrite, SqliteDocumentStore } from '@suyuan/readmodels';
import { WorkerProjector } from './worker-projector';

/**
 * What readers see when some projections run on a worker: its collections come from its
 * file, once it has projected every event appended before the read; the rest from the
 * main file, projected inline.
 */
export class SplitDocumentStore implements DocumentStore {
  private readonly offThread: Set<string>;

  constructor(
    private readonly main: SqliteDocumentStore,
    private readonly worker: WorkerProjector,
    collections: string[],
  ) {
    this.offThread = new Set(collections);
  }

  async get<T extends Doc = Doc>(collection: string, id: string): Promise<T | undefined> {
    if (!this.offThread.has(collection)) return this.main.getSync<T>(collection, id);
    await this.worker.caughtUp();
    return this.worker.docs.getSync<T>(collection, id);
  }

  async getMany<T extends Doc = Doc>(refs: DocRef[]): Promise<Map<string, T | undefined>> {
    if (refs.some((r) => this.offThread.has(r.collection))) await this.worker.caughtUp();
    const found = new Map<string, T | undefined>();
    for (const { collection, id } of refs) found.set(docKey(collection, id), this.storeOf(collection).getSync<T>(collection, id));
    return found;
  }

  async find<T extends Doc = Doc>(collection: string, where?: Record<string, unknown>): Promise<T[]> {
    if (this.offThread.has(collection)) await this.worker.caughtUp();
    return this.storeOf(collection).findSync<T>(collection, where);
  }

  async findPage<T extends Doc = Doc>(collection: string, where: Record<string, unknown>, page: DocPage): Promise<T[]> {
    if (this.offThread.has(collection)) await this.worker.caughtUp();
    return this.storeOf(collection).findSync<T>(collection, where, page);
  }

  async commit(writes: DocWrite[], checkpoint: { name: string; position: number }): Promise<void> {
    const foreign = writes.find((w) => this.offThread.has(w.collection));
    if (foreign) throw new Error(`${foreign.collection} is written by the projector worker only`);
    return this.main.commit(writes, checkpoint);
  }

  checkpoint(name: string): Promise<number> {
    return this.main.checkpoint(name);
  }

  onChange(listener: (changes: readonly DocChange[]) => void): void {
    this.main.onChange(listener);
    this.worker.docs.onChange(listener);
  }

  private storeOf(collection: string): SqliteDocumentStore {
    return this.offThread.has(collection) ? this.worker.docs : this.main;
  }
}
