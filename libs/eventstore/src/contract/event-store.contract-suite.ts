import { EventStore } from '../event-store.port';
import { hashChainCases } from './hash-chain.cases';
import { expectedRevisionCases } from './expected-revision.cases';
import { idempotencyCases } from './idempotency.cases';
import { readingCases } from './reading.cases';
import { subscriptionCases } from './subscription.cases';

export type EventStoreFactory = () => Promise<{ store: EventStore; dispose: () => Promise<void> }>;

/**
 * The behaviour every event store adapter must have, declared once as a jest
 * `describe` block. Each test gets a fresh store from `factory` and disposes of it;
 * `dispose` must tolerate a store the test already closed. Tests use their own
 * streams, so an adapter may hand out a store shared with other data.
 */
export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await factory());
    });
    afterEach(() => dispose());

    const currentStore = () => store;
    expectedRevisionCases(currentStore);
    hashChainCases(currentStore);
    idempotencyCases(currentStore);
    readingCases(currentStore);
    subscriptionCases(currentStore);
  });
}
