import { Decider, fold } from '../decider';
import { DomainError, DomainErrorKind } from '../errors';

/** What a rejection must match: the parts clients rely on, never the wording. */
export interface ExpectedRejection {
  kind: DomainErrorKind;
  code: string;
  /** The field the refusal names (`details.field`), where it must name one. */
  details?: { field: string };
}

/**
 * Given/when/then for a decider:
 * `given([events]).when(command).then([events])` or `.thenThrows({ kind, code })`.
 * `thenThrows` returns the error so a spec can also check what the message names.
 */
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return (givenEvents: readonly Event[]) => ({
    when: (command: Command) => {
      const decide = () => decider.decide(command, fold(decider, givenEvents));
      return {
        then: (expectedEvents: readonly Event[]): void => {
          expect(decide()).toEqual(expectedEvents);
        },
        thenThrows: (expected: ExpectedRejection): DomainError => expectRejection(decide, expected),
      };
    },
  });
}

/** For pure decisions that are not deciders: `run` must throw a DomainError of that kind and code. */
export function expectRejection(run: () => unknown, expected: ExpectedRejection): DomainError {
  const error = rejectionOf(run);
  const field = expected.details && { details: { field: (error.details as { field?: unknown } | undefined)?.field } };
  expect({ kind: error.kind, code: error.code, ...field }).toEqual(expected);
  return error;
}

function rejectionOf(run: () => unknown): DomainError {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`Expected a DomainError, but the command was accepted: ${JSON.stringify(result)}`);
}
