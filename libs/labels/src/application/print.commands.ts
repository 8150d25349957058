import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { LabelFormat } from '../domain/events';
import { LabelJobView } from '../label-jobs.views';
import { SelectionInput } from './label-selection';

/** What a caller asks to print: the batch, the format, a layout by name (or a roll's size), and which of its items. */
export interface PrintInput extends SelectionInput {
  batchId: string;
  format: LabelFormat;
  layout?: string;
  widthMm?: number;
  heightMm?: number;
  copies?: number;
}

export class PrintLabelsWrite extends Command<LabelJobView> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: PrintInput,
  ) {
    super();
  }
}
