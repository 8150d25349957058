import { ChainVerifier } from './chain-verifier';
import { eventHash } from './event-hash';

interface Stored {
  streamId: string;
  revision: number;
  position: number;
  id: string;
  type: string;
  data: unknown;
  hash: string;
}

/** Events as an adapter stores them: each hashed over the one before it in its stream. */
function history(streams: string[], perStream: number): Stored[] {
  const events: Stored[] = [];
  const last = new Map<string, string>();
  let position = 0;
  for (let revision = 0; revision < perStream; revision++) {
    for (const streamId of streams) {
      const event = { streamId, revision, position: ++position, id: `${streamId}-${revision}`, type: 'ItemScanned', data: { revision } };
      const hash = eventHash(event, last.get(streamId) ?? null);
      last.set(streamId, hash);
      events.push({ ...event, hash });
    }
  }
  return events;
}

function verify(events: Stored[]) {
  const verifier = new ChainVerifier();
  for (const event of events) verifier.accept(event, (previous) => eventHash(event, previous));
  return { problem: verifier.finish(), checked: verifier.checked, heads: verifier.heads };
}

describe('ChainVerifier', () => {
  it('passes an intact history and keeps every stream head', () => {
    const { problem, checked, heads } = verify(history(['a', 'b'], 3));

    expect(problem).toBeUndefined();
    expect(checked).toBe(6);
    expect(heads.get('b')).toMatchObject({ revision: 2, position: 6 });
  });

  it('names a changed event, and stops there', () => {
    const events = history(['a', 'b'], 3);
    events[3] = { ...events[3], data: { revision: 99 } };

    expect(verify(events)).toMatchObject({
      checked: 4,
      problem: { kind: 'changed', streamId: 'b', revision: 1, position: 4, eventId: 'b-1' },
    });
  });

  it('names the event after a rewritten one whose hash was recomputed, saying so', () => {
    const events = history(['a'], 3);
    events[1] = { ...events[1], data: { revision: 99 } };
    events[1].hash = eventHash(events[1], events[0].hash);

    const { problem } = verify(events);

    expect(problem).toMatchObject({ kind: 'changed', revision: 2 });
    expect(problem!.message).toContain('or revision 1 was rewritten together with its hash');
  });

  it('tells a removal (the revision never comes) from a reordering (it comes later)', () => {
    const events = history(['a', 'b'], 3);
    const removed = events.filter((event) => event.id !== 'a-1');
    const reordered = [...events];
    [reordered[2], reordered[4]] = [
      { ...events[4], position: 3 },
      { ...events[2], position: 5 },
    ];

    expect(verify(removed).problem).toMatchObject({ kind: 'removed', streamId: 'a', revision: 1 });
    expect(verify(reordered).problem).toMatchObject({ kind: 'reordered', streamId: 'a', revision: 2, eventId: 'a-2' });
  });

  it('refuses a feed out of global order, and a revision met twice', () => {
    const events = history(['a', 'b'], 2);
    const backwards = [events[0], events[2], events[1], events[3]];
    const twice = [...events, { ...events[0], position: 9 }];

    expect(verify(backwards).problem).toMatchObject({ kind: 'reordered', eventId: 'b-0' });
    expect(verify(twice).problem).toMatchObject({ kind: 'reordered', eventId: 'a-0', position: 9 });
  });

  it('refuses an event with no hash', () => {
    const events = history(['a'], 2);

    expect(verify([events[0], { ...events[1], hash: null as never }]).problem).toMatchObject({ kind: 'unhashed', eventId: 'a-1' });
  });
});
