import { randomBytes } from 'node:crypto';
import { PERSONAL_KEY_BYTES, PersonalKeyRefusedError, PersonalKeyVault } from './personal-key-vault.port';

/** For unit tests: the vault's behaviour in a map (null marks a destroyed key). */
export class InMemoryPersonalKeyVault implements PersonalKeyVault {
  private readonly keys = new Map<string, Buffer | null>();

  async create(subjectId: string): Promise<Buffer> {
    const held = this.keys.get(subjectId);
    if (held !== undefined) throw new PersonalKeyRefusedError(subjectId, held === null ? 'destroyed' : 'exists');
    const key = randomBytes(PERSONAL_KEY_BYTES);
    this.keys.set(subjectId, key);
    return Buffer.from(key);
  }

  async get(subjectId: string): Promise<Buffer | undefined> {
    const key = this.keys.get(subjectId);
    return key ? Buffer.from(key) : undefined;
  }

  async destroy(subjectId: string): Promise<void> {
    this.keys.get(subjectId)?.fill(0);
    this.keys.set(subjectId, null);
  }

  async close(): Promise<void> {}
}
