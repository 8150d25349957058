import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { verificationCodeOf } from '@suyuan/codes';
import { Actor, wholeQueryNumber } from '@suyuan/core';
import { CurrentActor } from '@suyuan/platform/nest';
import { BatchView, ItemView } from '@suyuan/production';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { VERIFICATION_SECRET } from './verification.controller';

const PAGE_MAX = 1000;

/**
 * The 防伪码 of a batch's items, for the organization that owns the batch to print under a
 * scratch-off (and for no one else: they are what makes a copied QR code detectable). Derived,
 * not stored: the same secret gives the same codes on every call.
 */
@ApiTags('consumer')
@ApiBearerAuth()
@Controller('api/batches/:batchId/verification-codes')
export class VerificationCodesController {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(VERIFICATION_SECRET) private readonly secret: Buffer,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The verification codes (防伪码) of a batch's items, in code order, a page at a time: the owning organization only",
  })
  @ApiQuery({ name: 'offset', required: false })
  @ApiQuery({ name: 'limit', required: false, description: `at most ${PAGE_MAX} (the default)` })
  @ApiQuery({ name: 'code', required: false, description: "one item's code only (e.g. to print its replacement label)" })
  async list(@CurrentActor() actor: Actor, @Param('batchId') batchId: string, @Query() query: Record<string, unknown>) {
    const offset = wholeQueryNumber('offset', query.offset, { min: 0, max: Number.MAX_SAFE_INTEGER, default: 0 });
    const limit = wholeQueryNumber('limit', query.limit, { min: 1, max: PAGE_MAX, default: PAGE_MAX });
    const batch = await this.docs.get<BatchView>('batches', batchId);
    if (!batch) throw new NotFoundException({ code: 'batch_not_found', message: `no batch ${batchId}` });
    if (batch.cooperative.id !== actor.organizationId) {
      throw new ForbiddenException({ code: 'not_batch_owner', message: "only the batch's owner gets its items' verification codes" });
    }
    // A voided code's label is off the goods: its replacement's 防伪码 is the one to print.
    const only = typeof query.code === 'string' ? query.code.toUpperCase() : undefined;
    const items = (await this.docs.find<ItemView>('items', { batchId }))
      .filter((i) => !i.voided && (only === undefined || i.code === only))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    if (only !== undefined && items.length === 0) {
      throw new NotFoundException({
        code: 'item_not_found',
        message: `no item ${only} in use in batch ${batchId}`,
        details: { code: only },
      });
    }
    return {
      batchId,
      total: items.length,
      offset,
      items: items.slice(offset, offset + limit).map((i) => ({ code: i.code, verificationCode: verificationCodeOf(i.code, this.secret) })),
    };
  }
}
