import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Actor, conflict } from '@suyuan/core';
import { found } from '@suyuan/platform/nest';
import { BatchReaders } from '@suyuan/production/nest';
import { CSV_HEADER, csvRow } from '../domain/csv';
import { ItemLabel } from '../domain/label-content';
import { LabelJobView } from '../label-jobs.views';
import { certificatePdf } from '../render/certificate-pdf';
import { cartonLabelsPdf, itemLabelsPdf } from '../render/item-labels-pdf';
import { jobLayout } from './job-layout';
import { certificateOf, LabelSources } from './label-sources';

export interface LabelFile {
  contentType: string;
  filename: string;
  body: Readable;
}

const CSV_ROWS_PER_CHUNK = 500;

/** A recorded job's file, drawn as it is sent: PDF labels, the coder's CSV or the certificate. */
@Injectable()
export class LabelFiles {
  constructor(
    private readonly readers: BatchReaders,
    private readonly sources: LabelSources,
  ) {}

  /** The batch's print jobs, oldest first, for those who may read the batch. */
  async history(actor: Actor, batchId: string) {
    await this.readers.readable(actor, batchId);
    const jobs = (await this.sources.docs.find<LabelJobView>('labelJobs', { batchId })).sort((a, b) =>
      a.printedAt === b.printedAt ? 0 : a.printedAt < b.printedAt ? -1 : 1,
    );
    return {
      batchId,
      jobs,
      labelCount: jobs.reduce((sum, j) => sum + j.labelCount, 0),
      reprintCount: jobs.reduce((sum, j) => sum + j.reprintCount, 0),
    };
  }

  async file(actor: Actor, batchId: string, jobId: string): Promise<LabelFile> {
    const batch = await this.readers.readable(actor, batchId);
    const job = await this.sources.docs.get<LabelJobView>('labelJobs', jobId);
    found(job?.batchId === batchId ? job : undefined, 'label_job', jobId);
    const name = `${batch.lotCode}-${jobId}`.replace(/[^\w.-]/g, '_');
    if (job!.format === 'certificate') {
      const certificate = certificateOf(batch);
      if (!certificate) throw conflict('no_certificate', `batch ${batchId} has no 承诺达标合格证`);
      const layout = jobLayout('certificate', job!, 0)!;
      return {
        contentType: 'application/pdf',
        filename: `certificate-${name}.pdf`,
        body: certificatePdf(certificate, job!.labelCount, layout),
      };
    }
    const title = `${batch.product.nameZh} ${batch.lotCode}`;
    if (job!.format === 'carton') {
      const layout = jobLayout('carton', { ...job!, ...customSize(job!.layout) }, 0)!;
      const cartons = await this.sources.cartonLabels(batch, job!.selection);
      return { contentType: 'application/pdf', filename: `cartons-${name}.pdf`, body: cartonLabelsPdf(cartons, layout, title) };
    }
    const labels = await this.sources.itemLabels(batch, job!.selection);
    if (job!.format === 'csv') return { contentType: 'text/csv; charset=utf-8', filename: `labels-${name}.csv`, body: csvFile(labels) };
    const layout = jobLayout('pdf', { ...job!, ...customSize(job!.layout) }, 0)!;
    return {
      contentType: 'application/pdf',
      filename: `labels-${name}.pdf`,
      body: itemLabelsPdf(labels, layout, `${batch.product.nameZh} ${batch.lotCode}`),
    };
  }
}

/** A custom roll's name carries its size: `roll-62x40`. */
function customSize(layout: string | undefined): { layout?: string; widthMm?: number; heightMm?: number } {
  const size = layout && /^roll-(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)$/.exec(layout);
  return size ? { layout: 'roll', widthMm: Number(size[1]), heightMm: Number(size[2]) } : { layout };
}

function csvFile(labels: ItemLabel[]): Readable {
  return Readable.from(
    (function* () {
      yield `${CSV_HEADER}\r\n`;
      for (let i = 0; i < labels.length; i += CSV_ROWS_PER_CHUNK) {
        yield labels
          .slice(i, i + CSV_ROWS_PER_CHUNK)
          .map((l) => `${csvRow(l)}\r\n`)
          .join('');
      }
    })(),
  );
}
