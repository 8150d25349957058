import { invalid } from '@suyuan/core';
import { LabelFormat } from '../domain/events';
import { CERTIFICATE_LABEL, ContentModel, ITEM_LABEL, labelGeometry } from '../domain/fit';
import { CERTIFICATE_LAYOUTS, chooseLayout, LabelLayout, LAYOUTS } from '../domain/layouts';

/** The layout a job prints in, checked to fit its content (400 `label_too_small` otherwise); a CSV has none. */
export function jobLayout(
  format: LabelFormat,
  input: { layout?: string; widthMm?: number; heightMm?: number },
  payloadBytes: number,
): LabelLayout | undefined {
  if (format === 'csv') {
    if (input.layout !== undefined) throw invalid('invalid_layout', 'a CSV has no layout: leave layout out', { field: 'layout' });
    return undefined;
  }
  const [layouts, fallback, content]: [Record<string, LabelLayout>, string, ContentModel] =
    format === 'certificate' ? [CERTIFICATE_LAYOUTS, 'a4-2x4', CERTIFICATE_LABEL] : [LAYOUTS, 'a4-3x8', ITEM_LABEL];
  const layout = chooseLayout(layouts, input.layout ?? fallback, input);
  labelGeometry(layout, payloadBytes, content);
  return layout;
}
