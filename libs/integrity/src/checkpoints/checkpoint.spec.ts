import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckpoint, signatureValid, signCheckpoint } from './checkpoint';
import { loadSigningKey, SigningKey } from './signing-key';

describe('a signed checkpoint', () => {
  let dataDir: string;
  let key: SigningKey;
  const statement = { position: 42, streams: 7, root: 'a'.repeat(64), signedAt: '2026-12-04T10:00:00.000Z' };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'suyuan-checkpoint-'));
    key = loadSigningKey({ dataDir });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('verifies with the key it names, and not once any field is changed', () => {
    const checkpoint = signCheckpoint(statement, key);

    expect(signatureValid(checkpoint)).toBe(true);
    for (const changed of [{ position: 41 }, { streams: 8 }, { root: 'b'.repeat(64) }, { signedAt: '2026-12-05T10:00:00.000Z' }]) {
      expect(signatureValid({ ...checkpoint, ...changed })).toBe(false);
    }
  });

  it('does not verify under another key id or another public key', () => {
    const checkpoint = signCheckpoint(statement, key);
    const other = loadSigningKey({ dataDir: join(dataDir, 'other') });

    expect(signatureValid({ ...checkpoint, keyId: other.keyId })).toBe(false);
    expect(signatureValid({ ...checkpoint, keyId: other.keyId, publicKey: other.publicKey })).toBe(false);
  });

  it('survives JSON, and a file that is not one is refused naming the field', () => {
    const checkpoint = signCheckpoint(statement, key);

    expect(parseCheckpoint(JSON.parse(JSON.stringify({ ...checkpoint, extra: 1 })))).toEqual(checkpoint);
    expect(() => parseCheckpoint({ ...checkpoint, root: 'xyz' })).toThrow('"root" must be a SHA-256 in hex');
    expect(() => parseCheckpoint(null)).toThrow('"position" must be a global position');
  });
});
