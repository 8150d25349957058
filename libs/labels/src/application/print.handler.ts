import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@suyuan/platform';
import { newId, StreamExecutor } from '@suyuan/platform/nest';
import { BatchReaders } from '@suyuan/production/nest';
import { BatchView } from '@suyuan/production';
import { certificateQrText } from '../domain/certificate-form';
import { LabelFormat, LabelSelection } from '../domain/events';
import { printDecider } from '../domain/print.decider';
import { LabelJobView } from '../label-jobs.views';
import { jobLayout } from './job-layout';
import { certificateOf, LabelSources } from './label-sources';
import { selectionOf } from './label-selection';
import { PrintLabelsWrite } from './print.commands';

export const labelsStream = (batchId: string) => `labels-${batchId}`;

/**
 * Records a print job on the batch's labels stream once everything it names is found, the
 * reader may read the batch, the layout fits and the job is within its limit; the file is
 * drawn when it is downloaded.
 */
@CommandHandler(PrintLabelsWrite)
export class PrintLabelsHandler implements ICommandHandler<PrintLabelsWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    private readonly readers: BatchReaders,
    private readonly sources: LabelSources,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, input }: PrintLabelsWrite): Promise<LabelJobView> {
    const batch = await this.readers.readable(ctx.actor, input.batchId);
    const selection = selectionOf(input);
    const certificate = certificateOf(batch);
    const codes = await this.codesOf(input.format, batch, selection);
    const payload =
      input.format === 'certificate'
        ? certificate
          ? Buffer.byteLength(certificateQrText(certificate))
          : 0
        : this.sources.longestUrlBytes(batch, codes, input.format === 'carton');
    const layout = jobLayout(input.format, input, payload);
    const jobId = newId('LJ', ctx);
    const printedAt = this.clock.now().toISOString();
    const { events } = await this.executor.execute(
      labelsStream(batch.id),
      printDecider,
      {
        type: 'PrintLabels',
        actor: ctx.actor,
        jobId,
        batchId: batch.id,
        format: input.format,
        layout: layout?.id,
        selection: input.format === 'certificate' ? { kind: 'batch' } : selection,
        codes,
        copies: input.copies,
        batch: { held: !!batch.held, certificate: !batch.certificate ? 'none' : batch.certificate.withdrawnAt ? 'withdrawn' : 'standing' },
        printedAt,
      },
      ctx,
    );
    const { codes: _codes, jobId: id, ...job } = events[0].data;
    return { id, ...job, printedBy: { organizationId: ctx.actor.organizationId, keyId: ctx.actor.keyId } };
  }

  /** What the job prints, by code: the items' codes, the cartons' for carton labels, nothing for a certificate. */
  private async codesOf(format: LabelFormat, batch: BatchView, selection: LabelSelection): Promise<string[]> {
    if (format === 'certificate') return [];
    if (format === 'carton') return (await this.sources.cartonLabels(batch, selection)).map((l) => l.cartonId);
    return (await this.sources.itemLabels(batch, selection)).map((l) => l.code);
  }
}
