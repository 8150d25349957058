import { VerificationAttempts } from './verification-attempts';

const limits = { perCode: 4, codeLockMs: 60_000, perClient: 3, clientLockMs: 30_000 };
const T0 = 1_000_000;

describe('VerificationAttempts', () => {
  it('locks a client after its limit of wrong tries, until the lock ends, and says when', () => {
    const attempts = new VerificationAttempts(limits);
    expect(attempts.fail('A', 'c1', T0)).toEqual({ attemptsLeft: 2 });
    expect(attempts.fail('B', 'c1', T0 + 1)).toEqual({ attemptsLeft: 1 });
    expect(attempts.fail('C', 'c1', T0 + 2)).toEqual({ attemptsLeft: 0, lockedUntil: T0 + 2 + 30_000 });
    expect(attempts.lockedUntil('D', 'c1', T0 + 3)).toBe(T0 + 2 + 30_000);
    expect(attempts.lockedUntil('D', 'c2', T0 + 3)).toBeUndefined();
    expect(attempts.lockedUntil('D', 'c1', T0 + 2 + 30_000)).toBeUndefined();
  });

  it('locks a code tried wrong from many clients, for every client', () => {
    const attempts = new VerificationAttempts(limits);
    for (const client of ['c1', 'c2', 'c3']) attempts.fail('A', client, T0);
    expect(attempts.fail('A', 'c4', T0)).toEqual({ attemptsLeft: 0, lockedUntil: T0 + 60_000 });
    expect(attempts.lockedUntil('A', 'c5', T0 + 59_999)).toBe(T0 + 60_000);
    expect(attempts.lockedUntil('B', 'c5', T0 + 1)).toBeUndefined();
  });

  it('forgets wrong tries older than the window', () => {
    const attempts = new VerificationAttempts(limits);
    attempts.fail('A', 'c1', T0);
    attempts.fail('B', 'c1', T0);
    expect(attempts.fail('C', 'c1', T0 + 30_000)).toEqual({ attemptsLeft: 2 });
  });
});
