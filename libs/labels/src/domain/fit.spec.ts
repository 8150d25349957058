import * as QRCode from 'qrcode';
import { expectRejection } from '@suyuan/core/testing';
import { CERTIFICATE_LABEL, errorCorrectionFor, ITEM_LABEL, labelGeometry, MIN_FONT_PT, MIN_MODULE_MM } from './fit';
import { CERTIFICATE_LAYOUTS, LabelLayout, LAYOUTS, rollLayout } from './layouts';
import { EC_LEVELS, qrModules, qrVersionFor } from './qr-capacity';

/** A Digital Link with a lot, as long as the county's labels carry: 79 bytes. */
const URL = 'https://sy.lechang.example/01/06901234567892/10/LC20260715A/21/7K3M9Q2RXV0ZAB12';

describe('QR capacity', () => {
  it.each(EC_LEVELS)('agrees with the encoder on the version of byte payloads at level %s', (level) => {
    for (const bytes of [10, 40, 79, 120, 200, 300]) {
      const expected = QRCode.create([{ data: Buffer.alloc(bytes, 0x61), mode: 'byte' }], { errorCorrectionLevel: level }).version;
      expect(qrVersionFor(bytes, level)).toBe(expected);
    }
  });

  it('has no version past 20 for a payload too long for a label', () => {
    expect(qrVersionFor(900, 'L')).toBeUndefined();
    expect(qrModules(5)).toBe(37);
  });
});

describe('error correction by printed size', () => {
  it('gives a large QR the strongest level and a small one the weakest that still prints sharp', () => {
    expect(errorCorrectionFor(33, 79)).toMatchObject({ level: 'H', version: 8 });
    expect(errorCorrectionFor(19, 79)).toMatchObject({ level: 'Q', version: 7 });
    expect(errorCorrectionFor(15, 79)).toMatchObject({ level: 'L', version: 5 });
    expect(errorCorrectionFor(10, 79)).toBeUndefined();
  });

  it('keeps every chosen level’s modules at the minimum size or more', () => {
    for (let side = 8; side <= 40; side += 0.5) {
      const ec = errorCorrectionFor(side, 79);
      if (ec) expect(ec.moduleMm).toBeGreaterThanOrEqual(MIN_MODULE_MM);
    }
  });
});

describe('label geometry', () => {
  it.each(Object.values(LAYOUTS))('fits a 79-byte URL and six lines on $id', (layout) => {
    const g = labelGeometry(layout, Buffer.byteLength(URL), ITEM_LABEL);
    expect(g.qr.moduleMm).toBeGreaterThanOrEqual(MIN_MODULE_MM);
    expect(g.text.fontPt).toBeGreaterThanOrEqual(MIN_FONT_PT);
    expect(g.text.width).toBeGreaterThanOrEqual(ITEM_LABEL.minTextWidth);
    // QR and text side by side inside the padding.
    expect(g.qr.x + g.qr.side).toBeLessThanOrEqual(g.text.x);
    expect(g.text.x + g.text.width).toBeLessThanOrEqual(layout.label.width - layout.padding + 1e-9);
    expect(g.qr.y + g.qr.side).toBeLessThanOrEqual(layout.label.height - layout.padding + 1e-9);
  });

  it('chooses the level by what each layout leaves the QR', () => {
    const level = (layout: LabelLayout) => labelGeometry(layout, 79, ITEM_LABEL).qr.level;
    expect(level(LAYOUTS['a4-3x8'])).toBe('H');
    expect(level(LAYOUTS['a4-4x10'])).toBe('H');
    expect(level(rollLayout(44, 30))).toBe('Q');
    expect(level(LAYOUTS['roll-40x30'])).toBe('L');
  });

  it('fits the certificate with its QR at the right', () => {
    for (const layout of Object.values(CERTIFICATE_LAYOUTS)) {
      const g = labelGeometry(layout, 260, CERTIFICATE_LABEL);
      expect(g.qr.x).toBeGreaterThan(g.text.x + g.text.width - 1e-9);
      expect(g.text.fontPt).toBeGreaterThanOrEqual(MIN_FONT_PT);
    }
  });

  it.each([
    ['20 × 30', rollLayout(20, 30), 'no room for a QR'],
    ['30 × 30', rollLayout(30, 30), 'too small for 79 bytes'],
    ['60 × 15', rollLayout(60, 15), 'only below 5 pt'],
  ])('refuses a %s mm label, saying what cannot fit', (_, layout, words) => {
    const error = expectRejection(() => labelGeometry(layout, 79, ITEM_LABEL), { kind: 'invalid', code: 'label_too_small' });
    expect(error.message).toContain(words);
  });
});
