import { Lru } from '../scan/lru';

/** How many wrong verification codes are taken, from one code and from one client, before each is locked, and for how long. */
export interface AttemptLimits {
  perCode: number;
  codeLockMs: number;
  perClient: number;
  clientLockMs: number;
}

/**
 * A code takes 10 wrong tries an hour from everyone together (10 of 10⁸ codes: guessing is
 * hopeless), a client 5 per quarter hour across all codes. Locking a code also locks out its
 * real buyer for the hour: the price of a bound that a botnet cannot spread across clients.
 */
export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = {
  perCode: 10,
  codeLockMs: 60 * 60_000,
  perClient: 5,
  clientLockMs: 15 * 60_000,
};

interface Failures {
  count: number;
  since: number;
  lockedUntil: number;
}

/** Entries kept per side; beyond them the least recently used are forgotten. */
const KEPT = 100_000;

/**
 * Wrong verification codes, counted per item code and per client (a network's hash) within
 * a window as long as the lock; the limit reached locks that side until the window's lock ends.
 * In memory: a restart forgets them (and the lock), which a guesser cannot cause.
 */
export class VerificationAttempts {
  private readonly codes = new Lru<string, Failures>(KEPT);
  private readonly clients = new Lru<string, Failures>(KEPT);

  constructor(private readonly limits: AttemptLimits = DEFAULT_ATTEMPT_LIMITS) {}

  /** Until when (ms) the code or the client is locked; undefined when neither is. */
  lockedUntil(code: string, client: string, now: number): number | undefined {
    const until = Math.max(this.codes.get(code)?.lockedUntil ?? 0, this.clients.get(client)?.lockedUntil ?? 0);
    return until > now ? until : undefined;
  }

  /** Counts a wrong code; says how many tries are left before a lock, or until when it is locked now. */
  fail(code: string, client: string, now: number): { attemptsLeft: number; lockedUntil?: number } {
    const byCode = this.count(this.codes, code, now, this.limits.perCode, this.limits.codeLockMs);
    const byClient = this.count(this.clients, client, now, this.limits.perClient, this.limits.clientLockMs);
    const lockedUntil = this.lockedUntil(code, client, now);
    return { attemptsLeft: Math.min(byCode, byClient), ...(lockedUntil && { lockedUntil }) };
  }

  private count(side: Lru<string, Failures>, key: string, now: number, limit: number, lockMs: number): number {
    let f = side.get(key);
    if (!f || now - f.since >= lockMs) side.set(key, (f = { count: 0, since: now, lockedUntil: 0 }));
    f.count++;
    if (f.count >= limit) {
      f.lockedUntil = now + lockMs;
      f.count = 0;
      f.since = now + lockMs;
    }
    return f.count === 0 ? 0 : limit - f.count;
  }
}
