import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor } from '@suyuan/core';
import { CommandContext, CurrentActor, Roles, WriteContext } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { BatchReaders } from '../access/batch-readers';
import { HoldWrite } from './holds.commands';
import { HoldDto, ReleaseDto } from './holds.dto';
import { SALE_HOLDS, SaleHoldView } from './holds.views';

/** 暂停销售: a market regulator stops a lot, a carton or an item from sale, and lets it go again. */
@ApiTags('holds')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api/holds')
export class HoldsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readers: BatchReaders,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  @Post()
  @Roles('regulator', 'admin')
  @ApiOperation({
    summary: 'Hold a lot (batchId), a carton (cartonId) or an item (code) from sale, with the reason its scan page shows',
  })
  hold(@WriteContext() ctx: CommandContext, @Body() { reason, ...unit }: HoldDto) {
    return this.commands.execute(new HoldWrite(ctx, { type: 'HoldUnit', unit, reason }));
  }

  @Post('release')
  @HttpCode(200)
  @Roles('regulator', 'admin')
  @ApiOperation({ summary: 'Release the hold standing on a lot, a carton or an item: it may be sold again' })
  release(@WriteContext() ctx: CommandContext, @Body() { reason, ...unit }: ReleaseDto) {
    return this.commands.execute(new HoldWrite(ctx, { type: 'ReleaseUnit', unit, ...(reason !== undefined && { reason }) }));
  }

  @Get()
  @Roles('regulator', 'admin')
  @ApiOperation({ summary: 'The holds standing on units whose place of origin is under me (all, with ?all=true, released too)' })
  @ApiQuery({ name: 'batchId', required: false })
  @ApiQuery({ name: 'all', required: false, description: 'true: released holds too' })
  async list(@CurrentActor() actor: Actor, @Query('batchId') batchId?: string, @Query('all') all?: string) {
    const holds = await this.docs.find<SaleHoldView>(SALE_HOLDS, batchId ? { batchId } : {});
    const standing = all === 'true' ? holds : holds.filter((h) => h.releasedAt === undefined);
    const viewer = await this.readers.viewer(actor);
    const readable = await this.readers.readableIds(
      viewer,
      standing.map((h) => h.batchId),
    );
    return standing.filter((h) => readable.has(h.batchId)).sort((a, b) => a.heldAt.localeCompare(b.heldAt));
  }
}
