import { randomUUID } from 'node:crypto';
import { PERSONAL_KEY_BYTES, PersonalKeyRefusedError, PersonalKeyVault } from '../personal-key-vault.port';

export type PersonalKeyVaultFactory = () => Promise<{ vault: PersonalKeyVault; dispose: () => Promise<void> }>;

const newSubject = () => `PSN-${randomUUID()}`;

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The behaviour every personal key vault must have; each test gets a fresh vault from `factory`. */
export function personalKeyVaultContract(name: string, factory: PersonalKeyVaultFactory): void {
  describe(`personal key vault contract: ${name}`, () => {
    let vault: PersonalKeyVault;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ vault, dispose } = await factory());
    });
    afterEach(() => dispose());

    it('creates a random 256-bit key per subject and gives it back', async () => {
      const [a, b] = [newSubject(), newSubject()];
      const keyA = await vault.create(a);
      const keyB = await vault.create(b);

      expect(keyA).toHaveLength(PERSONAL_KEY_BYTES);
      expect(keyB).toHaveLength(PERSONAL_KEY_BYTES);
      expect(keyA.equals(keyB)).toBe(false);
      expect((await vault.get(a))?.equals(keyA)).toBe(true);
      expect((await vault.get(b))?.equals(keyB)).toBe(true);
    });

    it('answers undefined for a subject that never had a key', async () => {
      expect(await vault.get(newSubject())).toBeUndefined();
    });

    it('refuses a second key for a subject that has one, and keeps the first', async () => {
      const subject = newSubject();
      const key = await vault.create(subject);

      const error = await refusal(vault.create(subject));

      expect(error).toBeInstanceOf(PersonalKeyRefusedError);
      expect(error).toMatchObject({ subjectId: subject, reason: 'exists' });
      expect((await vault.get(subject))?.equals(key)).toBe(true);
    });

    it('destroys a key for good: get answers undefined, create is refused, destroying again changes nothing', async () => {
      const subject = newSubject();
      const other = newSubject();
      await vault.create(subject);
      const otherKey = await vault.create(other);

      await vault.destroy(subject);
      await vault.destroy(subject);

      expect(await vault.get(subject)).toBeUndefined();
      expect(await refusal(vault.create(subject))).toMatchObject({ subjectId: subject, reason: 'destroyed' });
      expect(await vault.get(subject)).toBeUndefined();
      expect((await vault.get(other))?.equals(otherKey)).toBe(true);
    });

    it('destroying a subject that never had a key keeps it from ever getting one', async () => {
      const subject = newSubject();

      await vault.destroy(subject);

      expect(await refusal(vault.create(subject))).toMatchObject({ reason: 'destroyed' });
      expect(await vault.get(subject)).toBeUndefined();
    });

    it('hands out copies: changing a key it gave changes nothing it holds', async () => {
      const subject = newSubject();
      const key = await vault.create(subject);
      const copy = Buffer.from(key);

      key.fill(0);
      (await vault.get(subject))!.fill(0);

      expect((await vault.get(subject))?.equals(copy)).toBe(true);
    });
  });
}
