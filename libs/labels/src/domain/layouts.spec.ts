import { expectRejection } from '@suyuan/core/testing';
import { CERTIFICATE_LAYOUTS, chooseLayout, labelOrigin, labelsPerPage, LAYOUTS, pageCount } from './layouts';

describe('label layouts', () => {
  it.each(Object.values({ ...LAYOUTS, ...CERTIFICATE_LAYOUTS }))('$id keeps every label on its page', (layout) => {
    const last = labelOrigin(layout, labelsPerPage(layout) - 1);
    expect(labelOrigin(layout, 0).x).toBeGreaterThanOrEqual(0);
    expect(labelOrigin(layout, 0).y).toBeGreaterThanOrEqual(0);
    expect(last.x + layout.label.width).toBeLessThanOrEqual(layout.page.width + 0.01);
    expect(last.y + layout.label.height).toBeLessThanOrEqual(layout.page.height + 0.01);
  });

  it('lays A4 sheets out row by row, centred on the page', () => {
    const sheet = LAYOUTS['a4-4x10'];
    expect(labelsPerPage(sheet)).toBe(40);
    expect(labelOrigin(sheet, 0)).toEqual({ x: 8, y: 21.5 });
    expect(labelOrigin(sheet, 1)).toEqual({ x: 56.5, y: 21.5 });
    expect(labelOrigin(sheet, 4)).toEqual({ x: 8, y: 46.9 });
    expect(labelsPerPage(LAYOUTS['a4-3x8'])).toBe(24);
  });

  it('puts one roll label on a page of its own size', () => {
    const roll = LAYOUTS['roll-40x30'];
    expect(roll.page).toEqual({ width: 40, height: 30 });
    expect(labelsPerPage(roll)).toBe(1);
    expect(pageCount(roll, 7)).toBe(7);
    expect(pageCount(LAYOUTS['a4-3x8'], 25)).toBe(2);
  });

  it('chooses a layout by name, or a roll of a given size', () => {
    expect(chooseLayout(LAYOUTS, 'a4-3x8')).toBe(LAYOUTS['a4-3x8']);
    expect(chooseLayout(LAYOUTS, 'roll', { widthMm: 62, heightMm: 40 })).toMatchObject({
      id: 'roll-62x40',
      page: { width: 62, height: 40 },
    });
  });

  it('refuses an unknown layout, naming those there are, and a roll of no size or an impossible one', () => {
    const error = expectRejection(() => chooseLayout(LAYOUTS, 'a4-9x9'), {
      kind: 'invalid',
      code: 'unknown_layout',
      details: { field: 'layout' },
    });
    expect(error.message).toContain('a4-3x8, a4-4x10, roll-40x30, roll-50x30');
    expectRejection(() => chooseLayout(LAYOUTS, 'roll', { widthMm: 40 }), {
      kind: 'invalid',
      code: 'invalid_label_size',
      details: { field: 'heightMm' },
    });
    expectRejection(() => chooseLayout(LAYOUTS, 'roll', { widthMm: 400, heightMm: 30 }), {
      kind: 'invalid',
      code: 'invalid_label_size',
      details: { field: 'widthMm' },
    });
  });
});
