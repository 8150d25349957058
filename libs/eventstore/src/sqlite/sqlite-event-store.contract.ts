import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../contract/event-store.contract-suite';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('SQLite in memory', async () => {
  const store = SqliteEventStore.open(':memory:');
  return { store, dispose: () => store.close() };
});

eventStoreContract('SQLite file', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'suyuan-events-'));
  const store = SqliteEventStore.open(join(directory, 'events.sqlite'));
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
