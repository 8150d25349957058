import { Actor, Decider, conflict, forbidden, invalid } from '@suyuan/core';
import { LabelEvent, LabelsPrinted } from './events';

/** One job prints at most this many labels: 10,000 stream as one PDF; more is printed in pages (offset, count), by packing or by carton. */
export const MAX_LABELS_PER_JOB = 10_000;
export const MAX_CERTIFICATE_COPIES = 500;

/** A print job as the handler resolved it: the event's own fields, what it prints and what the batch's record says. */
export type PrintLabels = Pick<LabelsPrinted['data'], 'jobId' | 'batchId' | 'format' | 'layout' | 'selection' | 'printedAt'> & {
  type: 'PrintLabels';
  actor: Actor;
  /** The item codes the selection resolved to, in print order (certificates: none). */
  codes: string[];
  /** Certificates only. */
  copies?: number;
  batch: { held: boolean; certificate: 'none' | 'withdrawn' | 'standing' };
};

export interface LabelsState {
  /** Every item code a job of the batch has printed. */
  printed: Set<string>;
  certificatesPrinted: number;
}

/** The labels of one batch (stream `labels-{batchId}`): print jobs and what they printed. */
export const printDecider: Decider<PrintLabels, LabelEvent, LabelsState> = {
  initialState: () => ({ printed: new Set(), certificatesPrinted: 0 }),
  evolve(state, event) {
    switch (event.type) {
      case 'LabelsPrinted': {
        const d = event.data;
        if (d.format === 'certificate') return { ...state, certificatesPrinted: state.certificatesPrinted + d.labelCount };
        const printed = new Set(state.printed);
        for (const code of d.codes) printed.add(code);
        return { ...state, printed };
      }
    }
  },
  decide(command, state) {
    if (!['cooperative', 'packhouse', 'processor'].includes(command.actor.role))
      throw forbidden('not_allowed_to_print', 'labels are printed by the cooperative, packhouse or processor holding or owning the batch');
    return [command.format === 'certificate' ? certificates(command, state) : itemLabels(command, state)];
  },
};

function itemLabels(command: PrintLabels, state: LabelsState): LabelsPrinted {
  if (command.batch.held)
    throw conflict('batch_held', `batch ${command.batchId} is held after a failed safety test: its items are not for sale`);
  if (command.codes.length === 0) throw conflict('nothing_to_print', `the selection holds no packed items of batch ${command.batchId}`);
  if (command.codes.length > MAX_LABELS_PER_JOB) throw tooMany(command.codes.length);
  const reprintCount = command.codes.filter((code) => state.printed.has(code)).length;
  return printed(command, command.codes, command.codes.length, reprintCount);
}

function certificates(command: PrintLabels, state: LabelsState): LabelsPrinted {
  if (command.batch.certificate === 'none')
    throw conflict(
      'no_certificate',
      `batch ${command.batchId} has no 承诺达标合格证: issue one first (POST /api/batches/{id}/certificate)`,
    );
  if (command.batch.certificate === 'withdrawn')
    throw conflict(
      'certificate_withdrawn',
      `the 承诺达标合格证 of batch ${command.batchId} is withdrawn while a failed safety test holds it`,
    );
  const copies = command.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_CERTIFICATE_COPIES)
    throw invalid('invalid_copies', `copies must be a whole number from 1 to ${MAX_CERTIFICATE_COPIES}, got ${copies}`, {
      field: 'copies',
    });
  return printed(command, [], copies, state.certificatesPrinted > 0 ? copies : 0);
}

export function tooMany(count: number) {
  return invalid(
    'too_many_labels',
    `one print job holds at most ${MAX_LABELS_PER_JOB} labels, this one ${count}: print it in ${Math.ceil(count / MAX_LABELS_PER_JOB)} pages ` +
      `(offset 0, ${MAX_LABELS_PER_JOB}, … with count ${MAX_LABELS_PER_JOB}), or a packing or a few cartons at a time`,
    { count, limit: MAX_LABELS_PER_JOB, pages: Math.ceil(count / MAX_LABELS_PER_JOB) },
  );
}

function printed(command: PrintLabels, codes: string[], labelCount: number, reprintCount: number): LabelsPrinted {
  return {
    type: 'LabelsPrinted',
    data: {
      jobId: command.jobId,
      batchId: command.batchId,
      format: command.format,
      ...(command.layout !== undefined && { layout: command.layout }),
      selection: command.selection,
      codes,
      labelCount,
      reprintCount,
      printedAt: command.printedAt,
    },
  };
}
