import { EventStore } from '@suyuan/eventstore/event-store.port';
import { systemClock } from '@suyuan/platform/commands/clock';
import { newId } from '@suyuan/platform/commands/ids';
import { StreamExecutor } from '@suyuan/platform/commands/stream-executor';
import { InMemoryPersonalKeyVault } from '@suyuan/platform/keys/in-memory-personal-key-vault';
import { EmbeddedStorage, openEmbeddedStorage } from '@suyuan/platform/storage/embedded-storage';
import { chaliao, household, teaFactory } from '../domain/persons.fixtures';
import { personsProjection } from '../persons.projection';
import { PersonDirectory } from './person-directory';
import { PersonWrite } from './person.commands';
import { PersonCommandHandler, personStream } from './person.handler';

describe('PersonCommandHandler: the key and the log in order', () => {
  let storage: EmbeddedStorage;
  let vault: InMemoryPersonalKeyVault;
  let directory: PersonDirectory;
  let failAppends: boolean;
  let handler: PersonCommandHandler;

  beforeEach(async () => {
    storage = await openEmbeddedStorage(':memory:', { projections: [personsProjection], indexes: [], version: 1 });
    vault = new InMemoryPersonalKeyVault();
    directory = new PersonDirectory(storage.docs, vault);
    failAppends = false;
    // The disk fails under the append, after the decider accepted.
    const failing: EventStore = Object.assign(Object.create(storage.events) as EventStore, {
      appendToStream: (...args: Parameters<EventStore['appendToStream']>) =>
        failAppends ? Promise.reject(new Error('disk I/O error')) : storage.events.appendToStream(...args),
    });
    handler = new PersonCommandHandler(new StreamExecutor(failing, systemClock), directory, vault, systemClock);
  });
  afterEach(() => storage.close());

  const ctx = { actor: teaFactory, idempotencyKey: 'household-1' };
  const register = () => handler.execute(new PersonWrite(ctx, { type: 'RegisterNaturalPerson', personal: household, region: chaliao }));
  const erase = (personId: string) => handler.execute(new PersonWrite({ actor: teaFactory }, { type: 'EraseNaturalPerson', personId }));

  it('makes the key, then records the person sealed with it', async () => {
    const person = await register();

    expect(person).toMatchObject({ name: household.name, erased: false });
    expect(await vault.get(person.id)).toBeDefined();
    expect((await storage.events.readStream(personStream(person.id))).map((e) => e.type)).toEqual(['NaturalPersonRegistered']);
  });

  it('destroys the key it made when the registration is not recorded: no key is kept for nobody', async () => {
    failAppends = true;
    await expect(register()).rejects.toThrow('disk I/O error');

    expect(await storage.events.readAll()).toEqual([]);
    expect(await vault.get(newId('PSN', ctx))).toBeUndefined();
    // The id the Idempotency-Key derives is refused a key: a retry must come with a new one.
    failAppends = false;
    await expect(register()).rejects.toMatchObject({ kind: 'conflict', code: 'person_key_destroyed' });
    expect(await storage.events.readAll()).toEqual([]);
  });

  it('destroys the key before recording the erasure: if the record fails, the person is erased all the same, and erasing again records it', async () => {
    const person = await register();
    failAppends = true;

    await expect(erase(person.id)).rejects.toThrow('disk I/O error');

    expect(await vault.get(person.id)).toBeUndefined();
    expect(await directory.read(teaFactory, person.id)).toEqual({ id: person.id, erased: true, erasedAt: undefined, region: chaliao });
    failAppends = false;
    await expect(erase(person.id)).resolves.toMatchObject({ id: person.id, erased: true, erasedAt: expect.any(String) });
    expect((await storage.events.readStream(personStream(person.id))).map((e) => e.type)).toEqual([
      'NaturalPersonRegistered',
      'NaturalPersonErased',
    ]);
  });

  it('touches no key for a registration the rules refuse', async () => {
    const destroyed: string[] = [];
    const destroy = vault.destroy.bind(vault);
    vault.destroy = (id) => (destroyed.push(id), destroy(id));

    await expect(
      handler.execute(
        new PersonWrite(ctx, {
          type: 'RegisterNaturalPerson',
          personal: { ...household, idNumber: '440281199003071238' },
          region: chaliao,
        }),
      ),
    ).rejects.toMatchObject({ code: 'invalid_id_number' });

    expect(destroyed).toEqual([]);
    await expect(register()).resolves.toMatchObject({ erased: false });
  });
});
