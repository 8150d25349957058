import { randomBytes } from 'node:crypto';
import { openPersonalData, SealedPersonalData, sealPersonalData, UnsealError } from './personal-data-seal';

const key = randomBytes(32);
const farmer = { name: '黄秀英', idNumber: '44028119650312002X', phone: '13800138000' };

/** The sealed bytes with one bit flipped at `byte`. */
function flipped(base64: string, byte = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte] ^= 0x01;
  return bytes.toString('base64');
}

const refusal = (open: () => unknown) => {
  expect(open).toThrow(UnsealError);
};

describe('sealing personal data (AES-256-GCM, the person id authenticated)', () => {
  it('opens what it sealed, for the same person and key', () => {
    const sealed = sealPersonalData(key, 'PSN-1', farmer);

    expect(openPersonalData(key, 'PSN-1', sealed)).toEqual(farmer);
  });

  it('holds no part of the data in clear, and seals the same data differently each time (fresh IV)', () => {
    const first = sealPersonalData(key, 'PSN-1', farmer);
    const second = sealPersonalData(key, 'PSN-1', farmer);
    const text = JSON.stringify(first);

    expect(first).toMatchObject({ v: 1 });
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(first.tag, 'base64')).toHaveLength(16);
    for (const part of [farmer.name, farmer.idNumber, farmer.phone, '4402811965']) expect(text).not.toContain(part);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ct).not.toBe(first.ct);
  });

  it('refuses a changed ciphertext, IV or tag', () => {
    const sealed = sealPersonalData(key, 'PSN-1', farmer);
    const last = Buffer.from(sealed.ct, 'base64').length - 1;

    refusal(() => openPersonalData(key, 'PSN-1', { ...sealed, ct: flipped(sealed.ct) }));
    refusal(() => openPersonalData(key, 'PSN-1', { ...sealed, ct: flipped(sealed.ct, last) }));
    refusal(() => openPersonalData(key, 'PSN-1', { ...sealed, iv: flipped(sealed.iv) }));
    refusal(() => openPersonalData(key, 'PSN-1', { ...sealed, tag: flipped(sealed.tag) }));
    refusal(() => openPersonalData(key, 'PSN-1', { ...sealed, tag: sealed.tag.slice(0, 8) }));
  });

  it('refuses a ciphertext moved onto another person, even under the same key', () => {
    const sealed = sealPersonalData(key, 'PSN-1', farmer);

    refusal(() => openPersonalData(key, 'PSN-2', sealed));
  });

  it('refuses another key, and a seal of a version it does not know', () => {
    const sealed = sealPersonalData(key, 'PSN-1', farmer);

    refusal(() => openPersonalData(randomBytes(32), 'PSN-1', sealed));
    refusal(() => openPersonalData(key, 'PSN-1', { ...sealed, v: 2 } as unknown as SealedPersonalData));
  });

  it('takes only a 256-bit key', () => {
    expect(() => sealPersonalData(randomBytes(16), 'PSN-1', farmer)).toThrow(RangeError);
    expect(() => openPersonalData(randomBytes(16), 'PSN-1', sealPersonalData(key, 'PSN-1', farmer))).toThrow(RangeError);
  });
});
