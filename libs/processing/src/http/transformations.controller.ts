import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, forbidden, invalid } from '@suyuan/core';
import { CommandContext, CurrentActor, found, Roles, WriteContext } from '@suyuan/platform/nest';
import { mayReadFacility } from '@suyuan/production';
import { BatchReaders } from '@suyuan/production/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { Purchases } from '../application/purchases';
import { TransformationManager } from '../application/transformation.manager';
import { TransformationView } from '../transformations/transformation.views';
import { PurchaseDto, TransformationDto } from './processing.dto';

/** 加工 and 收购: what processors make from what, and what they buy. */
@ApiTags('processing')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api')
export class TransformationsController {
  constructor(
    private readonly manager: TransformationManager,
    private readonly purchases: Purchases,
    private readonly readers: BatchReaders,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  @Post('transformations')
  @Roles('processor')
  @ApiOperation({ summary: 'Record a transformation: the input lots consumed, the process and its steps, the output lots made' })
  async record(@WriteContext() ctx: CommandContext, @Body() body: TransformationDto) {
    const id = await this.manager.record(ctx, body);
    return found(await this.docs.get<TransformationView>('transformations', id), 'transformation', id);
  }

  @Get('transformations')
  @ApiOperation({ summary: 'My transformations (a processor), or those at plants in my jurisdiction (a regulator), newest first' })
  async list(@CurrentActor() actor: Actor) {
    const viewer = await this.readers.viewer(actor);
    const all =
      viewer.role === 'regulator' || viewer.role === 'admin'
        ? await this.docs.find<TransformationView>('transformations')
        : await this.docs.find<TransformationView>('transformations', { processorId: actor.organizationId });
    return all
      .filter((t) => mayReadFacility(viewer, { ownerId: t.processorId, region: t.plant.region }))
      .sort((a, b) => b.endedAt.localeCompare(a.endedAt));
  }

  @Get('transformations/:id')
  @ApiOperation({ summary: 'One transformation, for its processor, the owners of its input lots and the regulator over its plant' })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const transformation = found(await this.docs.get<TransformationView>('transformations', id), 'transformation', id);
    const viewer = await this.readers.viewer(actor);
    const owner = transformation.inputs.some((input) => input.ownerId === actor.organizationId);
    if (!owner && !mayReadFacility(viewer, { ownerId: transformation.processorId, region: transformation.plant.region })) {
      throw forbidden(
        'not_allowed_to_read',
        `Transformation ${id} is read by its processor, the owners of its inputs and the regulator over its plant`,
      );
    }
    return transformation;
  }

  @Post('purchases')
  @Roles('processor')
  @ApiOperation({ summary: '收购: record goods bought from a household (into a purchase lot) or from a batch handed to me' })
  purchase(@WriteContext() ctx: CommandContext, @Body() body: PurchaseDto) {
    const { personId, fromBatchId, ...rest } = body;
    if ((personId === undefined) === (fromBatchId === undefined)) {
      throw invalid('invalid_purchase', 'A purchase names either the household (personId) or the batch bought from (fromBatchId)', {
        field: 'personId',
      });
    }
    if (fromBatchId !== undefined) return this.purchases.fromBatch(ctx, { fromBatchId, ...rest });
    return this.purchases.fromHousehold(ctx, { personId: personId!, ...rest });
  }
}
