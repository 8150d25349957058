import { ItemLabel } from '../domain/label-content';

const BASE = 'https://sy.lechang.example';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A code of 16 Crockford characters that differs from its neighbours everywhere. */
export function sampleCode(i: number): string {
  let n = i * 2654435761 + 97;
  let code = '';
  for (let k = 0; k < 16; k++) {
    code += ALPHABET[n % 32];
    n = Math.floor(n / 32) + (k + 1) * 7919 * (i + 3);
  }
  return code;
}

/** Plum labels as a packing of cartons of 20 gives them. */
export function sampleLabels(count: number, lotCode = 'LC20260715A'): ItemLabel[] {
  return Array.from({ length: count }, (_, i) => {
    const code = sampleCode(i);
    return {
      code,
      url: `${BASE}/01/06901234567892/10/${lotCode}/21/${code}`,
      productName: '黄金柰李',
      grade: i % 3 === 0 ? '一级' : '特级',
      lotCode,
      netWeight: { value: 2.5, unit: 'kg' },
      cartonId: `CT${String(Math.floor(i / 20)).padStart(12, '0')}`,
    };
  });
}
