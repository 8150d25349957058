import { invalid } from '@suyuan/core';

/** Millimetres. */
export interface Size {
  width: number;
  height: number;
}

/**
 * A way labels sit on pages: A4 sheets of die-cut labels in a grid, or a roll printer's
 * labels one to a page (thermal printers take a PDF page of the label's size).
 */
export interface LabelLayout {
  id: string;
  kind: 'sheet' | 'roll';
  page: Size;
  label: Size;
  columns: number;
  rows: number;
  /** Page edge to the first label's top left corner. */
  marginLeft: number;
  marginTop: number;
  /** Between neighbouring labels. */
  gapX: number;
  gapY: number;
  /** Kept clear inside each label's edge: die-cut sheets shift a little in office printers. */
  padding: number;
}

const A4: Size = { width: 210, height: 297 };

function sheet(id: string, label: Size, columns: number, rows: number, gapX = 0, gapY = 0): LabelLayout {
  const usedWidth = columns * label.width + (columns - 1) * gapX;
  const usedHeight = rows * label.height + (rows - 1) * gapY;
  return {
    id,
    kind: 'sheet',
    page: A4,
    label,
    columns,
    rows,
    marginLeft: round((A4.width - usedWidth) / 2),
    marginTop: round((A4.height - usedHeight) / 2),
    gapX,
    gapY,
    padding: 2,
  };
}

export function rollLayout(width: number, height: number): LabelLayout {
  return {
    id: `roll-${width}x${height}`,
    kind: 'roll',
    page: { width, height },
    label: { width, height },
    columns: 1,
    rows: 1,
    marginLeft: 0,
    marginTop: 0,
    gapX: 0,
    gapY: 0,
    padding: 1.5,
  };
}

/** The layouts by name: common A4 label sheets and roll sizes. */
export const LAYOUTS: Readonly<Record<string, LabelLayout>> = {
  /** 24 labels of 70 × 37 mm (Avery 3474 and its many look-alikes). */
  'a4-3x8': sheet('a4-3x8', { width: 70, height: 37 }, 3, 8),
  /** 40 labels of 48.5 × 25.4 mm (Avery L7654 / 3657). */
  'a4-4x10': sheet('a4-4x10', { width: 48.5, height: 25.4 }, 4, 10),
  'roll-40x30': rollLayout(40, 30),
  'roll-50x30': rollLayout(50, 30),
};

/** Certificates print larger: eight A4 cells of 105 × 74 mm, or a 100 × 70 mm roll label. */
export const CERTIFICATE_LAYOUTS: Readonly<Record<string, LabelLayout>> = {
  'a4-2x4': { ...sheet('a4-2x4', { width: 105, height: 74 }, 2, 4), padding: 4 },
  'roll-100x70': { ...rollLayout(100, 70), padding: 3 },
};

/** Custom roll labels are accepted within these bounds (mm). */
export const CUSTOM_ROLL = { min: 15, max: 150 };

export const labelsPerPage = (layout: LabelLayout) => layout.columns * layout.rows;

/** The top left corner of the label at `slot` (0-based, row by row) on its page. */
export function labelOrigin(layout: LabelLayout, slot: number): { x: number; y: number } {
  const column = slot % layout.columns;
  const row = Math.floor(slot / layout.columns);
  return {
    x: round(layout.marginLeft + column * (layout.label.width + layout.gapX)),
    y: round(layout.marginTop + row * (layout.label.height + layout.gapY)),
  };
}

export const pageCount = (layout: LabelLayout, labels: number) => Math.ceil(labels / labelsPerPage(layout));

function round(mm: number): number {
  return Math.round(mm * 100) / 100;
}

/**
 * The layout a print asks for by name; `roll` with a width and height (mm) for a roll
 * printer's own size. Refused (400) naming the layouts there are.
 */
export function chooseLayout(
  layouts: Readonly<Record<string, LabelLayout>>,
  name: string,
  custom: { widthMm?: number; heightMm?: number } = {},
): LabelLayout {
  if (name === 'roll') {
    const { widthMm, heightMm } = custom;
    for (const [field, value] of [
      ['widthMm', widthMm],
      ['heightMm', heightMm],
    ] as const) {
      if (value === undefined || !Number.isFinite(value) || value < CUSTOM_ROLL.min || value > CUSTOM_ROLL.max)
        throw invalid('invalid_label_size', `a roll layout needs ${field} from ${CUSTOM_ROLL.min} to ${CUSTOM_ROLL.max} mm, got ${value}`, {
          field,
        });
    }
    return rollLayout(widthMm!, heightMm!);
  }
  const layout = layouts[name];
  if (!layout)
    throw invalid(
      'unknown_layout',
      `no layout ${name}; there are ${[...Object.keys(layouts), 'roll (with widthMm and heightMm)'].join(', ')}`,
      {
        field: 'layout',
      },
    );
  return layout;
}
