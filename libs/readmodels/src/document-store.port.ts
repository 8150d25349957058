import { Doc, DocRef, DocWrite } from './projection';

/**
 * Where read models live. Queries are async so that a networked adapter fits;
 * the embedded adapter answers synchronously underneath.
 */
export interface DocumentStore {
  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | undefined>;
  getMany<T extends Doc = Doc>(refs: DocRef[]): Promise<Map<string, T | undefined>>;
  /** Every document of a collection whose fields (paths like `cooperative.id`) equal `where`'s values. */
  find<T extends Doc = Doc>(collection: string, where?: Record<string, unknown>): Promise<T[]>;
  /** One page of `find`'s answer, in id order: at most `page.limit` documents whose ids come after `page.after`. */
  findPage<T extends Doc = Doc>(collection: string, where: Record<string, unknown>, page: DocPage): Promise<T[]>;
  /** Saves documents and moves the checkpoint in one atomic step. */
  commit(writes: DocWrite[], checkpoint: { name: string; position: number }): Promise<void>;
  checkpoint(name: string): Promise<number>;
  /**
   * Called after documents change (caches listen): with the new document when this
   * connection wrote it, with none (`doc` absent) when another one did, such as a projector worker.
   */
  onChange(listener: (changes: readonly DocChange[]) => void): void;
}

export interface DocPage {
  /** The id of the last document of the previous page. */
  after?: string;
  limit: number;
}

/** A changed document; `doc` is the new one (null: deleted) when known. */
export type DocChange = DocRef & { doc?: Doc | null };

export const DOCUMENT_STORE = Symbol('DocumentStore');
