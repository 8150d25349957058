import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, forbidden, notFound } from '@suyuan/core';
import { CommandContext, CurrentActor, Roles, WriteContext } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { BatchReaders } from '../access/batch-readers';
import { SpotCheckWrite } from './spot-checks.commands';
import { SamplingDto, SpotCheckResultDto } from './spot-checks.dto';
import { SPOT_CHECKS, SpotCheckView } from './spot-checks.views';

/** 抽检: a regulator's sampling of a lot, the lab's result later; a failure holds the lot. */
@ApiTags('spot-checks')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api/spot-checks')
export class SpotChecksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readers: BatchReaders,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  @Post()
  @Roles('regulator', 'admin')
  @ApiOperation({ summary: 'Record a sampling: the lot (and cartons or items), where, by whom, when, for which lab' })
  sample(@WriteContext() ctx: CommandContext, @Body() body: SamplingDto) {
    return this.commands.execute(new SpotCheckWrite(ctx, { type: 'RecordSampling', ...body }));
  }

  @Post(':id/result')
  @Roles('testing_lab')
  @ApiOperation({ summary: 'The lab’s result of a sampling; a failure holds the lot from sale (暂停销售)' })
  result(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: SpotCheckResultDto) {
    return this.commands.execute(new SpotCheckWrite(ctx, { type: 'RecordSpotCheckResult', spotCheckId: id, ...body }));
  }

  @Get()
  @Roles('regulator', 'admin', 'testing_lab')
  @ApiOperation({
    summary: 'Spot checks: a regulator’s over its jurisdiction, a lab’s sent to it; ?status=open for those awaiting a result',
  })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'passed', 'failed'] })
  async list(@CurrentActor() actor: Actor, @Query('status') status?: string) {
    const checks = await this.docs.find<SpotCheckView>(SPOT_CHECKS, status ? { status } : {});
    const mine = await this.visible(actor, checks);
    return mine.sort((a, b) => a.sampledAt.localeCompare(b.sampledAt));
  }

  @Get(':id')
  @Roles('regulator', 'admin', 'testing_lab')
  @ApiOperation({ summary: 'One spot check' })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const check = await this.docs.get<SpotCheckView>(SPOT_CHECKS, id);
    if (!check) throw notFound('spot_check_not_found', `no spot check ${id}`);
    const [visible] = await this.visible(actor, [check]);
    if (!visible) {
      throw forbidden('not_allowed_to_read', `spot check ${id} is its regulator's (over the lot's place) and its lab's to read`);
    }
    return visible;
  }

  private async visible(actor: Actor, checks: SpotCheckView[]): Promise<SpotCheckView[]> {
    if (actor.role === 'testing_lab') return checks.filter((c) => c.labId === undefined || c.labId === actor.organizationId);
    const readable = await this.readers.readableIds(
      await this.readers.viewer(actor),
      checks.map((c) => c.batchId),
    );
    return checks.filter((c) => readable.has(c.batchId));
  }
}
