import { DomainEvent, eventTypes } from '@suyuan/core';
import { Projection } from '../projection';
import { SpecEvent, projectionSpec } from './projection-spec';

type Picked = DomainEvent<'Picked', { treeId: string; crates: number }>;
type Felled = DomainEvent<'Felled', { treeId: string }>;
type TreeEvent = Picked | Felled;

/** A toy: crates picked per tree, and who picked last; a felled tree's record goes. */
const trees: Projection<TreeEvent> = {
  name: 'trees',
  eventTypes: eventTypes<TreeEvent>({ Picked: true, Felled: true }),
  reads: (event) => [{ collection: 'trees', id: event.data.treeId }],
  apply(event, docs) {
    const tree = docs.get<{ crates: number }>('trees', event.data.treeId);
    switch (event.type) {
      case 'Picked': {
        const doc = { id: event.data.treeId, crates: (tree?.crates ?? 0) + event.data.crates, by: event.metadata.organizationId };
        return [
          { collection: 'trees', id: doc.id, doc },
          { collection: 'pickers', id: event.metadata.organizationId, doc: { lastTreeId: doc.id } },
        ];
      }
      case 'Felled':
        return tree ? [{ collection: 'trees', id: event.data.treeId, doc: null }] : [];
      default: {
        const unknown: never = event;
        throw new Error(`Unknown tree event: ${JSON.stringify(unknown)}`);
      }
    }
  },
};
const given = projectionSpec(trees);
const picked = (treeId: string, crates: number, organizationId = 'org-orchard'): SpecEvent<Picked> => ({
  type: 'Picked',
  data: { treeId, crates },
  metadata: { organizationId },
});

describe('projectionSpec', () => {
  it('projects the given events and compares the writes of the last, whatever their order', () => {
    given([picked('t-1', 4), picked('t-1', 5)])
      .when(picked('t-1', 1, 'org-neighbour'))
      .then([
        { collection: 'pickers', id: 'org-neighbour', doc: { lastTreeId: 't-1' } },
        { collection: 'trees', id: 't-1', doc: { id: 't-1', crates: 10, by: 'org-neighbour' } },
      ]);
  });

  it('starts from given documents', () => {
    given([{ collection: 'trees', id: 't-1', doc: { id: 't-1', crates: 7 } }])
      .when({ type: 'Felled', data: { treeId: 't-1' } })
      .then([{ collection: 'trees', id: 't-1', doc: null }]);
  });

  it('takes `then([])` for an event that changes nothing', () => {
    given()
      .when({ type: 'Felled', data: { treeId: 't-unknown' } })
      .then([]);
  });

  it('fails when a write differs, is missing, or is extra', () => {
    const when = given([picked('t-1', 4)]).when(picked('t-1', 1));
    const tree = { collection: 'trees', id: 't-1', doc: { id: 't-1', crates: 5, by: 'org-orchard' } };
    const picker = { collection: 'pickers', id: 'org-orchard', doc: { lastTreeId: 't-1' } };
    expect(() => when.then([{ ...tree, doc: { ...tree.doc, crates: 6 } }, picker])).toThrow();
    expect(() => when.then([tree])).toThrow();
    expect(() => when.then([tree, picker, { collection: 'trees', id: 't-2', doc: null }])).toThrow();
    expect(() =>
      given()
        .when({ type: 'Felled', data: { treeId: 't-1' } })
        .then([{ collection: 'trees', id: 't-1', doc: null }]),
    ).toThrow();
  });
});
