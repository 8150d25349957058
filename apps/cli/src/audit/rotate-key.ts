import { rotateSigningKey } from '@suyuan/integrity';
import { loadConfig } from '@suyuan/platform';

/** Stop the server first: it reads the key at start. */
try {
  const { dataDir } = loadConfig();
  const { retired, current } = rotateSigningKey(dataDir);
  console.log(
    `retired key ${retired.keyId}: its public key is in ${dataDir}/audit-keys/${retired.keyId}.pem, its checkpoints keep verifying`,
  );
  console.log(`new signing key ${current.keyId}: publish it (GET /api/audit/public-key once the server is up)`);
} catch (error) {
  console.error(`audit:rotate-key: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
