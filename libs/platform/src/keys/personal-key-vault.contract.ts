import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personalKeyVaultContract } from './contract/personal-key-vault.contract-suite';
import { InMemoryPersonalKeyVault } from './in-memory-personal-key-vault';
import { SqlitePersonalKeyVault } from './sqlite-personal-key-vault';

personalKeyVaultContract('in memory', async () => {
  const vault = new InMemoryPersonalKeyVault();
  return { vault, dispose: () => vault.close() };
});

personalKeyVaultContract('SQLite file', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'suyuan-keys-'));
  const vault = SqlitePersonalKeyVault.open(join(directory, 'personal-keys.sqlite'));
  return {
    vault,
    dispose: async () => {
      await vault.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
