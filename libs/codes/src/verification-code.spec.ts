import { normalizeVerificationCode, verificationCodeMatches, verificationCodeOf } from './verification-code';

const secret = Buffer.alloc(32, 7);
const other = Buffer.alloc(32, 8);

describe('verification code (防伪码)', () => {
  it('is 8 digits, the same for the same code and secret', () => {
    const code = verificationCodeOf('7K3M9Q2RXV0ZAB12', secret);
    expect(code).toMatch(/^[0-9]{8}$/);
    expect(verificationCodeOf('7K3M9Q2RXV0ZAB12', secret)).toBe(code);
  });

  it('differs by item and by secret', () => {
    const codes = new Set(['7K3M9Q2RXV0ZAB12', '7K3M9Q2RXV0ZAB13', '0000000000000000'].map((c) => verificationCodeOf(c, secret)));
    expect(codes.size).toBe(3);
    expect(verificationCodeOf('7K3M9Q2RXV0ZAB12', other)).not.toBe(verificationCodeOf('7K3M9Q2RXV0ZAB12', secret));
  });

  it('spreads over the digits (no leading-zero bias from the truncation)', () => {
    const firsts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const d = verificationCodeOf(`ITEM${i}`, secret)[0];
      firsts.set(d, (firsts.get(d) ?? 0) + 1);
    }
    expect(firsts.size).toBe(10);
    for (const n of firsts.values()) expect(n).toBeGreaterThan(120);
  });

  it('matches only its own digits, typed with spaces or hyphens', () => {
    const code = verificationCodeOf('7K3M9Q2RXV0ZAB12', secret);
    const typed = normalizeVerificationCode(`${code.slice(0, 4)} -${code.slice(4)}`)!;
    expect(verificationCodeMatches('7K3M9Q2RXV0ZAB12', typed, secret)).toBe(true);
    const wrong = String((Number(code) + 1) % 1e8).padStart(8, '0');
    expect(verificationCodeMatches('7K3M9Q2RXV0ZAB12', wrong, secret)).toBe(false);
  });

  it.each(['1234567', '123456789', '1234abcd', ''])('refuses %j as not a verification code', (input) => {
    expect(normalizeVerificationCode(input)).toBeUndefined();
  });
});
