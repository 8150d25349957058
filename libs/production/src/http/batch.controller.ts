import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { itemScanUrl } from '@suyuan/codes';
import { Actor } from '@suyuan/core';
import { CommandContext, CurrentActor, Roles, WriteContext } from '@suyuan/platform/nest';
import { APP_CONFIG, AppConfig } from '@suyuan/platform';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { BatchWrite } from '../application/batch.commands';
import { BatchReaders } from '../access/batch-readers';
import { ItemView } from '../batch.views';
import {
  CertificateDto,
  CertificationDto,
  FarmInputDto,
  GradingDto,
  HandoverAcceptanceDto,
  HandoverDto,
  HandoverEndDto,
  HarvestDto,
  PackingDto,
  PreCoolingDto,
  QualityTestDto,
  RegisterBatchDto,
  VoidItemCodeDto,
} from './batch.dto';
import { ITEMS_PAGE_DEFAULT, ITEMS_PAGE_MAX, itemsPage } from './items-page';

/** Production steps of a batch (批次): from registration on the farm plot to packed, coded items. */
@ApiTags('batches')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api/batches')
export class BatchController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readers: BatchReaders,
  ) {}

  @Post()
  @Roles('cooperative')
  @ApiOperation({ summary: 'Register a batch (lot) of a product on one of my farm plots' })
  register(@WriteContext() ctx: CommandContext, @Body() body: RegisterBatchDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'RegisterBatch', ...body }));
  }

  @Get()
  @ApiOperation({
    summary: 'The batches I may read: my own, those handed to me or tested by me; all of them under my standards or my jurisdiction',
  })
  @ApiQuery({ name: 'cooperativeId', required: false })
  @ApiQuery({ name: 'productId', required: false })
  async list(@CurrentActor() actor: Actor, @Query('cooperativeId') cooperativeId?: string, @Query('productId') productId?: string) {
    return this.readers.list(await this.readers.viewer(actor), { cooperativeId, productId });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One batch in full, for those the read policy lets read it (403 naming the rule otherwise)' })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.readers.readable(actor, id);
  }

  @Get(':id/items')
  @ApiOperation({
    summary:
      'The packed items of the batch with their codes and scan URLs, a page at a time in code order; X-Next-Cursor names the next page',
  })
  @ApiQuery({ name: 'limit', required: false, description: `items per page, 1–${ITEMS_PAGE_MAX} (${ITEMS_PAGE_DEFAULT})` })
  @ApiQuery({ name: 'cursor', required: false, description: 'the X-Next-Cursor header of the page before' })
  async items(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('limit') limit: string | undefined,
    @Query('cursor') cursor: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const page = itemsPage(limit, cursor);
    const batch = await this.readers.readable(actor, id);
    const items = await this.docs.findPage<ItemView>('items', { batchId: id }, { after: page.after, limit: page.limit + 1 });
    if (items.length > page.limit) {
      items.length = page.limit;
      const next = items[items.length - 1].code;
      reply
        .header('x-next-cursor', next)
        .header('link', `</api/batches/${encodeURIComponent(id)}/items?limit=${page.limit}&cursor=${next}>; rel="next"`);
    }
    return items.map((item) => ({
      ...item,
      scanUrl: itemScanUrl(this.config.publicBaseUrl, { code: item.code, gtin14: batch.product.gtin, lotCode: batch.lotCode }),
    }));
  }

  @Post(':id/farm-inputs')
  @Roles('cooperative')
  @ApiOperation({ summary: 'Record a farm input (农业投入品) with its safety interval' })
  farmInput(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: FarmInputDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'RecordFarmInput', batchId: id, ...body }));
  }

  @Post(':id/harvests')
  @Roles('cooperative')
  @ApiOperation({ summary: 'Record a harvest (采收)' })
  harvest(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: HarvestDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'RecordHarvest', batchId: id, ...body }));
  }

  @Post(':id/pre-cooling')
  @Roles('cooperative', 'packhouse', 'processor')
  @ApiOperation({ summary: 'Record pre-cooling (预冷) at my packhouse or cold store' })
  preCooling(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: PreCoolingDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'RecordPreCooling', batchId: id, ...body }));
  }

  @Post(':id/handovers')
  @Roles('cooperative', 'processor')
  @ApiOperation({ summary: 'Hand my batch’s goods to a packhouse or cooperative (交接), to pre-cool, grade and pack them once it accepts' })
  handOver(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: HandoverDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'HandOverBatch', batchId: id, ...body }));
  }

  @Post(':id/handovers/:handoverId/acceptance')
  @Roles('packhouse', 'cooperative', 'processor')
  @ApiOperation({ summary: 'Accept goods handed to my organization' })
  acceptHandover(
    @WriteContext() ctx: CommandContext,
    @Param('id') id: string,
    @Param('handoverId') handoverId: string,
    @Body() body: HandoverAcceptanceDto,
  ) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'AcceptHandover', batchId: id, handoverId, ...body }));
  }

  @Post(':id/handovers/:handoverId/end')
  @Roles('packhouse', 'cooperative', 'processor')
  @ApiOperation({ summary: 'End a hand-over: the owner takes its goods back (or withdraws the offer), or the holder gives them back' })
  endHandover(
    @WriteContext() ctx: CommandContext,
    @Param('id') id: string,
    @Param('handoverId') handoverId: string,
    @Body() body: HandoverEndDto,
  ) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'EndHandover', batchId: id, handoverId, ...body }));
  }

  @Post(':id/quality-tests')
  @Roles('testing_lab', 'cooperative', 'processor')
  @ApiOperation({
    summary: 'Record a quality test: a testing lab’s, or the owning cooperative’s self-test (自检); a failed safety test holds the batch',
  })
  qualityTest(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: QualityTestDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'RecordQualityTest', batchId: id, ...body }));
  }

  @Post(':id/grading')
  @Roles('cooperative', 'packhouse', 'processor')
  @ApiOperation({ summary: 'Record grading (分级) with measured attributes per grade class' })
  grading(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: GradingDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'RecordGrading', batchId: id, ...body }));
  }

  @Post(':id/packing')
  @Roles('cooperative', 'packhouse', 'processor')
  @ApiOperation({ summary: 'Pack items into cartons; every item gets its own code (一物一码)' })
  pack(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: PackingDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'PackBatch', batchId: id, ...body }));
  }

  @Post(':id/items/:code/void')
  @Roles('cooperative', 'packhouse', 'processor')
  @ApiOperation({
    summary:
      'Void an item’s code (a damaged, misprinted or lost label): its scan then warns; with `replace`, a new code for the same item, to print with a label job',
  })
  voidCode(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Param('code') code: string, @Body() body: VoidItemCodeDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'VoidItemCode', batchId: id, code, ...body }));
  }

  @Post(':id/certificate')
  @Roles('cooperative', 'processor')
  @ApiOperation({ summary: 'Issue the 承诺达标合格证 (compliance certificate) for the batch' })
  certificate(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: CertificateDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'IssueComplianceCertificate', batchId: id, ...body }));
  }

  @Post(':id/certifications')
  @Roles('cooperative', 'processor')
  @ApiOperation({ summary: 'Record a product certification the batch holds (绿色食品, 有机产品, 地理标志)' })
  certification(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: CertificationDto) {
    return this.commands.execute(new BatchWrite(ctx, { type: 'RecordCertification', batchId: id, ...body }));
  }
}
