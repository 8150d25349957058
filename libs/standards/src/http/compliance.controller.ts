import { BadRequestException, Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor } from '@suyuan/core';
import { CommandContext, CurrentActor, found, Roles, WriteContext } from '@suyuan/platform/nest';
import { BatchReaders } from '@suyuan/production/nest';
import { ItemView, Viewer } from '@suyuan/production';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { BrandWrite } from '../application/standards.commands';
import {
  AlertView,
  BatchComplianceView,
  ComplianceCellView,
  STAT_DIMENSIONS,
  StandardView,
  StatDimension,
} from '../compliance/compliance.views';
import { itemCompliance } from '../compliance/item-compliance';
import { SummaryFilter, summarize } from '../compliance/summary';
import { batchVerdict } from '../compliance/verdict';
import { BrandCertificationDto } from './standard.dto';

const STATUSES = ['compliant', 'non_compliant', 'pending'];

/**
 * Compliance as each user needs it, under the one read policy of batches: a cooperative its own
 * batches and alerts, the standards owner the batches under its standards, a regulator those of
 * its jurisdiction, with the aggregates and the open violations.
 */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('api/compliance')
export class ComplianceController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    private readonly readers: BatchReaders,
  ) {}

  @Get('batches')
  @ApiOperation({ summary: 'Batches with their verdicts: those the read policy lets me read' })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'productId', required: false })
  @ApiQuery({ name: 'cooperativeId', required: false })
  async batches(
    @CurrentActor() actor: Actor,
    @Query('status') status?: string,
    @Query('productId') productId?: string,
    @Query('cooperativeId') cooperativeId?: string,
  ) {
    if (status !== undefined && !STATUSES.includes(status)) throw badQuery('status', STATUSES);
    const batches = await this.readers.list(await this.readers.viewer(actor), { cooperativeId, productId });
    const found = await this.docs.getMany<BatchComplianceView>(batches.map((b) => ({ collection: 'compliance', id: b.id })));
    const docs = [...found.values()].filter((d): d is BatchComplianceView => d !== undefined && (!status || d.status === status));
    const standards = new Map((await this.docs.find<StandardView>('standards')).map((s) => [s.productId, s]));
    return docs.map((doc) => publicBatch(doc, standards.get(doc.productId)));
  }

  @Get('batches/:id')
  @ApiOperation({ summary: "One batch's verdict: every rule with its status, reason, evidence and deadline" })
  async batch(@CurrentActor() actor: Actor, @Param('id') id: string) {
    await this.readers.readable(actor, id);
    const doc = found(await this.docs.get<BatchComplianceView>('compliance', id), 'batch', id);
    return publicBatch(doc, await this.docs.get<StandardView>('standards', doc.productId));
  }

  @Post('batches/:id/brand')
  @Roles('standards_owner')
  @ApiOperation({
    summary: 'Certify a compliant batch for the regional public brand (区域公用品牌贴标); refused with the reasons otherwise',
  })
  async certify(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: BrandCertificationDto) {
    await this.commands.execute(new BrandWrite(ctx, { type: 'CertifyBatchForBrand', batchId: id, brand: body.brand }));
    const doc = (await this.docs.get<BatchComplianceView>('compliance', id))!;
    return publicBatch(doc, await this.docs.get<StandardView>('standards', doc.productId));
  }

  @Get('items/:code')
  @ApiOperation({ summary: "One item's verdict: its batch's rules for its grade, with its own carton's cold chain and delivery" })
  async item(@CurrentActor() actor: Actor, @Param('code') code: string) {
    const item = found(await this.docs.get<ItemView>('items', code), 'item', code);
    await this.readers.readable(actor, item.batchId);
    const doc = await this.docs.get<BatchComplianceView>('compliance', item.batchId);
    const standard = doc && (await this.docs.get<StandardView>('standards', doc.productId));
    return found(itemCompliance(doc, standard, item), 'compliance', code);
  }

  @Get('summary')
  @Roles('regulator', 'standards_owner', 'admin')
  @ApiOperation({
    summary:
      'Counts and rates per product, cooperative, county, month or standard version, with the most violated rules; optionally of one product, cooperative, county or standard version, and of a range of months',
  })
  @ApiQuery({ name: 'by', required: false, enum: STAT_DIMENSIONS })
  @ApiQuery({ name: 'product', required: false, description: 'a product id' })
  @ApiQuery({ name: 'cooperative', required: false, description: 'a cooperative id' })
  @ApiQuery({ name: 'county', required: false })
  @ApiQuery({ name: 'standard', required: false, description: 'standardId@version' })
  @ApiQuery({ name: 'from', required: false, description: 'first month, yyyy-mm (China time)' })
  @ApiQuery({ name: 'to', required: false, description: 'last month, yyyy-mm (China time)' })
  async summary(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const by = query.by ?? 'product';
    if (typeof by !== 'string' || !(STAT_DIMENSIONS as readonly string[]).includes(by)) throw badQuery('by', [...STAT_DIMENSIONS]);
    const filter = { ...summaryFilter(query), scope: this.summaryScope(await this.readers.viewer(actor)) };
    return summarize(await this.docs.find<ComplianceCellView>('complianceStats'), by as StatDimension, filter);
  }

  @Get('violations')
  @ApiOperation({ summary: 'The live list of open violations, each with its batch and rule: those of the batches I may read' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'resolved'] })
  @ApiQuery({ name: 'cooperativeId', required: false })
  async violations(@CurrentActor() actor: Actor, @Query('status') status: string = 'open', @Query('cooperativeId') cooperativeId?: string) {
    if (status !== 'open' && status !== 'resolved') throw badQuery('status', ['open', 'resolved']);
    const viewer = await this.readers.viewer(actor);
    // A cooperative's own alerts come straight from their index; anyone else's are checked batch by batch.
    const own = actor.role === 'cooperative' && (cooperativeId === undefined || cooperativeId === actor.organizationId);
    const where = { ...(own ? { cooperativeId: actor.organizationId } : cooperativeId ? { cooperativeId } : {}), status };
    const alerts = await this.docs.find<AlertView>('alerts', where);
    const readable = own
      ? undefined
      : await this.readers.readableIds(
          viewer,
          alerts.map((a) => a.batchId),
        );
    return alerts.filter((a) => !readable || readable.has(a.batchId)).sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  }

  /** The jurisdiction (regulators) or products (standards owners) the summary may add up. */
  private summaryScope(viewer: Viewer): SummaryFilter['scope'] {
    if (viewer.role === 'standards_owner') return { products: viewer.standardProducts ?? new Set() };
    if (viewer.role === 'regulator') return { jurisdiction: viewer.jurisdiction ?? {} };
    return undefined;
  }
}

function badQuery(name: string, allowed: string[]) {
  return new BadRequestException({
    code: 'invalid_query',
    message: `${name} must be one of ${allowed.join(', ')}`,
    details: { field: name },
  });
}

/** The record with its rules as they stand, without the bookkeeping the projection keeps for itself. */
function publicBatch(doc: BatchComplianceView, standard: StandardView | undefined) {
  const { counted: _counted, violated: _violated, facts: _facts, nextDueBy: _due, ...rest } = doc;
  return { ...rest, rules: batchVerdict(doc, standard) };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const FILTERS = ['product', 'cooperative', 'county', 'standard', 'from', 'to'] as const;

/** The summary's filters from the query string: each at most once, months as yyyy-mm, `from` not after `to`. */
function summaryFilter(query: Record<string, unknown>): SummaryFilter {
  const filter: SummaryFilter = {};
  for (const name of FILTERS) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') {
      throw new BadRequestException({ code: 'invalid_query', message: `${name} must be given once, not empty`, details: { field: name } });
    }
    if ((name === 'from' || name === 'to') && !MONTH.test(value)) {
      throw new BadRequestException({
        code: 'invalid_query',
        message: `${name} must be a month as yyyy-mm, got ${value}`,
        details: { field: name },
      });
    }
    filter[name] = value;
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new BadRequestException({
      code: 'invalid_query',
      message: `from (${filter.from}) is after to (${filter.to})`,
      details: { field: 'from' },
    });
  }
  return filter;
}
