import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  keyIdOf,
  loadSigningKey,
  publicKeyFromPem,
  publicKeyPem,
  readSigningKey,
  retiredPublicKeys,
  rotateSigningKey,
} from './signing-key';

describe('the audit signing key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'suyuan-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is made once into the data directory, readable by the server user only, then read back', () => {
    expect(readSigningKey({ dataDir })).toBeUndefined();

    const made = loadSigningKey({ dataDir });
    const again = loadSigningKey({ dataDir });

    expect(statSync(join(dataDir, 'audit-signing.key')).mode & 0o777).toBe(0o600);
    expect(again.keyId).toBe(made.keyId);
    expect(made.keyId).toBe(keyIdOf(made.publicKey));
  });

  it('comes from configuration when given, and must be Ed25519', () => {
    const pem = (type: 'ed25519' | 'x25519') =>
      generateKeyPairSync(type as 'ed25519')
        .privateKey.export({ format: 'pem', type: 'pkcs8' })
        .toString();
    const configured = pem('ed25519');

    expect(loadSigningKey({ dataDir, auditSigningKey: configured }).keyId).toBe(
      loadSigningKey({ dataDir, auditSigningKey: configured }).keyId,
    );
    expect(() => loadSigningKey({ dataDir, auditSigningKey: pem('x25519') })).toThrow('must be Ed25519');
  });

  it('rotates: the old public key kept under audit-keys/, a new key made', () => {
    const old = loadSigningKey({ dataDir });

    const { retired, current } = rotateSigningKey(dataDir);

    expect(retired.keyId).toBe(old.keyId);
    expect(current.keyId).not.toBe(old.keyId);
    expect(loadSigningKey({ dataDir }).keyId).toBe(current.keyId);
    expect(retiredPublicKeys(dataDir)).toEqual([{ keyId: old.keyId, publicKey: old.publicKey }]);
    expect(publicKeyFromPem(readFileSync(join(dataDir, 'audit-keys', `${old.keyId}.pem`), 'utf8')).keyId).toBe(old.keyId);
  });

  it('round-trips its public half through PEM', () => {
    const key = loadSigningKey({ dataDir });

    expect(publicKeyFromPem(publicKeyPem(key.publicKey))).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
  });
});
