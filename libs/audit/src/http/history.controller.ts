import { Controller, Get, Headers, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor } from '@suyuan/core';
import { CLOCK, Clock } from '@suyuan/platform';
import { CurrentActor } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { OrganizationView } from '@suyuan/registry';
import { Readable } from 'node:stream';
import { HistoryQuery } from '../application/history.query';
import { SUBJECT_KINDS } from '../domain/subjects';
import { CSV_HEAD, csvLines } from '../export/history-csv';
import { rowChunks } from '../export/history-export';
import { historyPdf } from '../export/history-pdf';
import { FAMILIES, filterText, historyRequest } from './history-request';

/**
 * 审计记录: every event recorded on a batch (with its items, cartons, shipments, inputs and
 * outputs), an item, a carton, a shipment, a facility or an organization, in the order it was
 * recorded, with who recorded it, where and when; as JSON pages, or CSV and PDF files.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/history')
export class HistoryController {
  constructor(
    private readonly history: HistoryQuery,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':kind/:id')
  @ApiOperation({ summary: 'The audit history of a subject, paged and filtered; CSV or PDF with format= or Accept' })
  @ApiParam({ name: 'kind', enum: SUBJECT_KINDS })
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiQuery({ name: 'limit', required: false, description: 'rows: a page 1–500 (50); an export 1–10,000 (10,000)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page (X-Next-Cursor of an export)' })
  @ApiQuery({ name: 'from', required: false, description: 'first moment it happened: a day (yyyy-mm-dd, China time) or a date-time' })
  @ApiQuery({ name: 'to', required: false, description: 'last moment it happened, the same way' })
  @ApiQuery({ name: 'type', required: false, description: 'event types, comma-separated (BatchHarvested,ShipmentDispatched)' })
  @ApiQuery({ name: 'family', required: false, description: `kinds of stream, comma-separated: ${FAMILIES.join(', ')}` })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'pdf'] })
  async read(
    @CurrentActor() actor: Actor,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { request, format } = historyRequest(kind, id, query, accept);
    if (format === 'json') return this.history.page(actor, request);
    const selection = await this.history.exportSelection(actor, request);
    const name = `history-${kind}-${id}`.replace(/[^\w.-]/g, '_');
    if (selection.nextCursor) reply.header('x-next-cursor', selection.nextCursor);
    if (format === 'csv') {
      return new StreamableFile(Readable.from(csvChunks(selection)), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="${name}.csv"`,
      });
    }
    const organization = await this.docs.get<OrganizationView>('organizations', actor.organizationId);
    const pdf = historyPdf(selection, {
      exportedBy: { organizationId: actor.organizationId, organizationName: organization?.name, keyId: actor.keyId },
      exportedAt: this.clock.now().toISOString(),
      filter: filterText(query),
    });
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${name}.pdf"` });
  }
}

async function* csvChunks(selection: Parameters<typeof rowChunks>[0]) {
  yield CSV_HEAD;
  for await (const rows of rowChunks(selection)) yield csvLines(rows);
}
