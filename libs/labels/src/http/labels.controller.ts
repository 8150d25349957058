import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, invalid } from '@suyuan/core';
import { CommandContext, CurrentActor, Roles, WriteContext } from '@suyuan/platform/nest';
import { LabelFiles } from '../application/label-files';
import { PrintLabelsWrite } from '../application/print.commands';
import { PrintLabelsDto } from './labels.dto';

/** Printed labels (一物一码 labels, the coder's CSV, the 承诺达标合格证): print jobs and their files. */
@ApiTags('labels')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api/batches/:id/label-jobs')
export class LabelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly files: LabelFiles,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('cooperative', 'packhouse', 'processor')
  @ApiOperation({
    summary:
      'Print labels of my batch (all, a packing, cartons or codes; at most 10,000 a job, more in pages by offset and count): records the job, a reprint of printed codes counted as one; its file is at `file`',
  })
  async print(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: PrintLabelsDto) {
    const given = (['packingId', 'cartonIds', 'codes'] as const).filter((k) => body[k] !== undefined);
    if (given.length > 1)
      throw invalid('invalid_selection', `give at most one of packingId, cartonIds, codes; got ${given.join(', ')}`, { field: given[1] });
    if (body.format === 'carton' && body.codes !== undefined)
      throw invalid('invalid_selection', 'carton labels are printed for the batch, a packing or cartons: leave codes out', {
        field: 'codes',
      });
    const paged = (['offset', 'count'] as const).find((k) => body[k] !== undefined);
    if (paged && (body.format === 'carton' || body.format === 'certificate' || body.cartonIds !== undefined || body.codes !== undefined))
      throw invalid('invalid_selection', 'offset and count page the item labels of the batch or of a packing only', { field: paged });
    if (body.format === 'certificate' && given.length > 0)
      throw invalid('invalid_selection', 'a certificate is the batch’s: leave packingId, cartonIds and codes out', { field: given[0] });
    const job = await this.commands.execute(new PrintLabelsWrite(ctx, { batchId: id, ...body }));
    return { ...job, file: `/api/batches/${encodeURIComponent(id)}/label-jobs/${job.id}/file` };
  }

  @Get()
  @ApiOperation({ summary: 'The batch’s print history: every job, who printed how many labels in which layout, and the reprints' })
  history(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.files.history(actor, id);
  }

  @Get(':jobId/file')
  @ApiProduces('application/pdf', 'text/csv')
  @ApiOperation({ summary: 'A job’s file, drawn page by page as it is sent: the labels PDF, the CSV or the certificate PDF' })
  async file(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('jobId') jobId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.files.file(actor, id, jobId);
    reply.header('cache-control', 'private, no-store');
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.filename}"` });
  }
}
