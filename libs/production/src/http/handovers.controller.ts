import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor } from '@suyuan/core';
import { CurrentActor } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { HandoverView } from '../batch.views';

const STATUSES = ['offered', 'accepted', 'ended'];

/** A packhouse's inbox: the goods cooperatives handed it, to accept and work on. */
@ApiTags('batches')
@ApiBearerAuth()
@Controller('api/handovers')
export class HandoversController {
  constructor(@Inject(DOCUMENT_STORE) private readonly docs: DocumentStore) {}

  @Get()
  @ApiOperation({ summary: 'Goods handed to my organization, newest first: open offers to accept, what I hold and held' })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  async list(@CurrentActor() actor: Actor, @Query('status') status?: string) {
    if (status !== undefined && !STATUSES.includes(status)) {
      throw new BadRequestException({
        code: 'invalid_query',
        message: `status must be one of ${STATUSES.join(', ')}`,
        details: { field: 'status' },
      });
    }
    const where = { toOrganizationId: actor.organizationId, ...(status !== undefined && { status }) };
    const mine = await this.docs.find<HandoverView>('handovers', where);
    return mine.sort((a, b) => b.handedOverAt.localeCompare(a.handedOverAt));
  }
}
