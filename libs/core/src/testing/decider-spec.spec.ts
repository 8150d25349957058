import { Decider } from '../decider';
import { conflict } from '../errors';
import { deciderSpec } from './decider-spec';

type Event = { type: 'Picked'; data: { crates: number } };
type Command = { type: 'Pick'; crates: number };

/** A toy: crates picked from one tree, which gives at most ten. */
const tree: Decider<Command, Event, number> = {
  initialState: () => 0,
  evolve: (picked, event) => picked + event.data.crates,
  decide: (command, picked) => {
    if (picked + command.crates > 10) throw conflict('tree_bare', 'The tree has no more fruit');
    return [{ type: 'Picked', data: { crates: command.crates } }];
  },
};
const given = deciderSpec(tree);
const picked = (crates: number): Event => ({ type: 'Picked', data: { crates } });

describe('deciderSpec', () => {
  it('folds the given events and compares the decided ones', () => {
    given([picked(4), picked(5)])
      .when({ type: 'Pick', crates: 1 })
      .then([picked(1)]);
  });

  it('fails when the decided events differ', () => {
    expect(() =>
      given([])
        .when({ type: 'Pick', crates: 1 })
        .then([picked(2)]),
    ).toThrow();
  });

  it('matches a rejection by kind and code and hands back the error', () => {
    const error = given([picked(10)])
      .when({ type: 'Pick', crates: 1 })
      .thenThrows({ kind: 'conflict', code: 'tree_bare' });
    expect(error.message).toBe('The tree has no more fruit');
  });

  it('fails when the rejection has another code', () => {
    expect(() =>
      given([picked(10)])
        .when({ type: 'Pick', crates: 1 })
        .thenThrows({ kind: 'conflict', code: 'other' }),
    ).toThrow();
  });

  it('fails when the command is accepted', () => {
    expect(() => given([]).when({ type: 'Pick', crates: 1 }).thenThrows({ kind: 'conflict', code: 'tree_bare' })).toThrow(/accepted/);
  });
});
