import { invalid } from '@suyuan/core';
import { LabelLayout } from './layouts';
import { EC_LEVELS, EcLevel, qrModules, qrVersionFor } from './qr-capacity';

/** Modules on each side of the symbol kept white: the QR standard asks for four. */
export const QUIET_ZONE_MODULES = 4;
/** A module this size or more reads at arm's length on any phone and survives a 203 dpi thermal head (3 dots). */
export const PREFERRED_MODULE_MM = 0.35;
/** Below this (2 dots at 203 dpi) a printed module blurs into its neighbours. */
export const MIN_MODULE_MM = 0.25;
export const MIN_FONT_PT = 5;
export const MAX_FONT_PT = 9;
export const LINE_HEIGHT = 1.2;
const PT_PER_MM = 72 / 25.4;

/** Where the QR and the text sit inside a label, relative to its top left corner (mm). */
export interface LabelGeometry {
  qr: { x: number; y: number; side: number; level: EcLevel; version: number; moduleMm: number };
  text: { x: number; y: number; width: number; height: number; fontPt: number; lines: number };
}

export interface ContentModel {
  /** Text lines the label carries beside its QR. */
  lines: number;
  /** The narrowest text column that still holds a line (mm). */
  minTextWidth: number;
  /** The QR's share of the label's width at most. */
  maxQrShare: number;
  qrAt: 'left' | 'right';
}

/** An item label: product, grade, net weight, lot, and the code on two lines. */
export const ITEM_LABEL: ContentModel = { lines: 6, minTextWidth: 20, maxQrShare: 0.55, qrAt: 'left' };
/** The 承诺达标合格证: its title (two lines high), number, six fields, the promise in four lines and its basis; the QR at the right. */
export const CERTIFICATE_LABEL: ContentModel = { lines: 14, minTextWidth: 40, maxQrShare: 0.36, qrAt: 'right' };

/**
 * The strongest error correction whose modules still print at the preferred size on a symbol
 * `side` mm wide (quiet zone included); failing that the weakest, if its modules reach the
 * minimum. A big label gets H and shrugs off a torn corner; a small one gets L and stays sharp.
 */
export function errorCorrectionFor(side: number, payloadBytes: number): { level: EcLevel; version: number; moduleMm: number } | undefined {
  const options = EC_LEVELS.map((level) => {
    const version = qrVersionFor(payloadBytes, level);
    return version && { level, version, moduleMm: side / (qrModules(version) + 2 * QUIET_ZONE_MODULES) };
  }).filter((o): o is { level: EcLevel; version: number; moduleMm: number } => !!o);
  const preferred = [...options].reverse().find((o) => o.moduleMm >= PREFERRED_MODULE_MM);
  if (preferred) return preferred;
  return options[0] && options[0].moduleMm >= MIN_MODULE_MM ? options[0] : undefined;
}

/**
 * What fits on a label of the layout: the QR as large as the text column leaves room for,
 * and text in the largest size (5–9 pt) its lines fit in. Refused (400 `label_too_small`),
 * naming what does not fit, when the QR's modules or the text would print too small.
 */
export function labelGeometry(layout: LabelLayout, payloadBytes: number, content: ContentModel): LabelGeometry {
  const { width, height } = layout.label;
  const p = layout.padding;
  const side = round(Math.min(height - 2 * p, width - 3 * p - content.minTextWidth, width * content.maxQrShare));
  const name = `${width} × ${height} mm`;
  if (side <= 0) throw tooSmall(`a ${name} label leaves no room for a QR code beside ${content.minTextWidth} mm of text`, layout);
  const ec = errorCorrectionFor(side, payloadBytes);
  if (!ec) {
    throw tooSmall(
      `on a ${name} label the QR code can be ${side} mm wide, too small for ${payloadBytes} bytes with modules of at least ${MIN_MODULE_MM} mm`,
      layout,
    );
  }
  const textWidth = round(width - 3 * p - side);
  const textHeight = round(height - 2 * p);
  const fontPt = Math.min(MAX_FONT_PT, Math.floor(((textHeight * PT_PER_MM) / (content.lines * LINE_HEIGHT)) * 10) / 10);
  if (fontPt < MIN_FONT_PT) {
    throw tooSmall(`a ${name} label holds its ${content.lines} lines of text only below ${MIN_FONT_PT} pt`, layout);
  }
  const qrX = content.qrAt === 'left' ? p : round(width - p - side);
  const textX = content.qrAt === 'left' ? round(2 * p + side) : p;
  return {
    qr: { x: qrX, y: round(p + (textHeight - side) / 2), side, ...ec, moduleMm: round(ec.moduleMm) },
    text: { x: textX, y: p, width: textWidth, height: textHeight, fontPt, lines: content.lines },
  };
}

function tooSmall(message: string, layout: LabelLayout) {
  return invalid('label_too_small', message, { layout: layout.id, widthMm: layout.label.width, heightMm: layout.label.height });
}

function round(mm: number): number {
  return Math.round(mm * 1000) / 1000;
}
