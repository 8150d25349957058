/**
 * Where the key of each person's personal data lives, outside the event log: the log keeps only
 * what the key sealed, so destroying the key erases the person (PIPL) and leaves the log whole.
 */
export interface PersonalKeyVault {
  /** A fresh random 256-bit key for the subject; refused if the subject has or had one. */
  create(subjectId: string): Promise<Buffer>;
  /** The subject's key; undefined if it never had one or it was destroyed. */
  get(subjectId: string): Promise<Buffer | undefined>;
  /** Destroys the subject's key for good; idempotent, and a subject that never had one can then never get one. */
  destroy(subjectId: string): Promise<void>;
  close(): Promise<void>;
}

export const PERSONAL_KEY_VAULT = Symbol('PersonalKeyVault');

export const PERSONAL_KEY_BYTES = 32;

/** `create` for a subject that has a key (`exists`) or had one (`destroyed`). */
export class PersonalKeyRefusedError extends Error {
  constructor(
    readonly subjectId: string,
    readonly reason: 'exists' | 'destroyed',
  ) {
    super(reason === 'exists' ? `${subjectId} already has a personal key` : `the personal key of ${subjectId} was destroyed`);
    this.name = 'PersonalKeyRefusedError';
  }
}
