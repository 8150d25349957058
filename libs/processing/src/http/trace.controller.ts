import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor } from '@suyuan/core';
import { CurrentActor } from '@suyuan/platform/nest';
import { BatchReaders } from '@suyuan/production/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { traceBack } from '../trace/trace-back';
import { traceBackCsv, traceForwardCsv } from '../trace/trace-csv';
import { traceForward } from '../trace/trace-forward';
import { backRequest, forwardRequest } from './trace-query';

const BOUNDS_QUERIES = [
  { name: 'depth', required: false, description: 'generations to follow, 1–20 (10)' },
  { name: 'limit', required: false, description: 'entries per list and page, 1–1000 (100)' },
  { name: 'cursor', required: false, description: 'nextCursor of the previous page' },
  { name: 'format', required: false, enum: ['json', 'csv'], description: 'csv: the same page as a spreadsheet (also Accept: text/csv)' },
];

/**
 * 追溯 back and 召回 forward through the family tree, for whoever may read the lot the trace
 * starts from: JSON with bounds and pages, or the same page as CSV for a spreadsheet.
 */
@ApiTags('trace')
@ApiBearerAuth()
@Controller('api/trace')
export class TraceController {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    private readonly readers: BatchReaders,
  ) {}

  @Get('back')
  @ApiOperation({
    summary:
      'From an item, a carton or a lot back to every ancestor lot, its plots, farm inputs, tests and household purchases, and who recorded each step',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiQuery({ name: 'item', required: false, description: 'an item code' })
  @ApiQuery({ name: 'carton', required: false, description: 'a carton id' })
  @ApiQuery({ name: 'lot', required: false, description: 'a lot (batch) id' })
  @BoundsQueries()
  async back(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const request = backRequest(query, accept);
    const trace = await traceBack(this.docs, await this.readers.viewer(actor), request.start, request.bounds);
    if (!request.csv) return trace;
    return csvReply(reply, `trace-back-${trace.start.batchId}.csv`, trace, await traceBackCsv(this.docs, trace));
  }

  @Get('forward')
  @ApiOperation({
    summary:
      'From a lot, a plot’s harvests in a date range, a farm input (name or active ingredient) or a test forward to every descendant lot, its units and shipments, counted by where the units are now',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiQuery({ name: 'lot', required: false, description: 'a lot (batch) id' })
  @ApiQuery({ name: 'plot', required: false, description: 'a farm plot id' })
  @ApiQuery({ name: 'from', required: false, description: 'with plot: first harvest day (yyyy-mm-dd, China time) or date-time' })
  @ApiQuery({ name: 'to', required: false, description: 'with plot: last harvest day or date-time' })
  @ApiQuery({ name: 'input', required: false, description: 'a farm input’s name or active ingredient' })
  @ApiQuery({ name: 'test', required: false, description: 'a quality test id' })
  @BoundsQueries()
  async forward(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const request = forwardRequest(query, accept);
    const trace = await traceForward(this.docs, await this.readers.viewer(actor), request.start, request.bounds);
    if (!request.csv) return trace;
    return csvReply(reply, 'trace-forward.csv', trace, await traceForwardCsv(this.docs, trace));
  }
}

function BoundsQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const query of BOUNDS_QUERIES) ApiQuery(query)(target, key, descriptor);
  };
}

/** The page as a spreadsheet file; the next page's cursor and a cut depth travel in headers. */
function csvReply(reply: FastifyReply, filename: string, trace: { nextCursor?: string; truncated?: true }, csv: string): string {
  const safeName = filename.replace(/[^\w.-]/g, '_');
  reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${safeName}"`);
  if (trace.nextCursor) reply.header('x-next-cursor', trace.nextCursor);
  if (trace.truncated) reply.header('x-truncated', 'true');
  return csv;
}
