import { DomainEvent, eventTypes } from '@suyuan/core';

export const LABEL_FORMATS = ['pdf', 'csv', 'certificate', 'carton'] as const;
/** pdf: item labels on sheets or a roll; csv: rows for an industrial coder; certificate: the 承诺达标合格证; carton: one label a carton. */
export type LabelFormat = (typeof LABEL_FORMATS)[number];

/** Which of the batch's items a job prints. */
export type LabelSelection =
  | { kind: 'batch'; range?: LabelRange }
  | { kind: 'packing'; packingId: string; range?: LabelRange }
  | { kind: 'cartons'; cartonIds: string[] }
  | { kind: 'codes'; codes: string[] };

/** A page of a batch's or packing's labels in print order: a job of more than the limit is printed in such pages. */
export interface LabelRange {
  /** How many labels of the print order come before the page. */
  offset: number;
  count: number;
}

/**
 * A print job (打印任务): who printed which labels of the batch, in which layout, how many; the
 * labels whose codes an earlier job had printed already are counted as reprints.
 */
export type LabelsPrinted = DomainEvent<
  'LabelsPrinted',
  {
    jobId: string;
    batchId: string;
    format: LabelFormat;
    /** The layout's name (`a4-3x8`, `roll-50x30`, …); none for a CSV. */
    layout?: string;
    selection: LabelSelection;
    /** The item codes printed, in print order (carton labels: the carton codes; none for a certificate). */
    codes: string[];
    labelCount: number;
    reprintCount: number;
    printedAt: string;
  }
>;

export type LabelEvent = LabelsPrinted;
export const LABEL_EVENT_TYPES = eventTypes<LabelEvent>({ LabelsPrinted: true });
