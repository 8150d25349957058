import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, notFound } from '@suyuan/core';
import { CurrentActor, Roles } from '@suyuan/platform/nest';
import { BatchReaders } from '@suyuan/production/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { ProductView } from '@suyuan/registry';
import { massBalanceAnswer, massBalanceFilter, massBalanceScope, massBalanceWhere } from './mass-balance.query';
import { MassBalanceView } from './mass-balance.views';

/** The regulators' mass balance: what a county's plots could give against what was harvested, bought, made, packed and delivered. */
@ApiTags('mass-balance')
@ApiBearerAuth()
@Controller('api/mass-balance')
export class MassBalanceController {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    private readonly readers: BatchReaders,
  ) {}

  @Get()
  @Roles('regulator', 'standards_owner', 'admin')
  @ApiOperation({
    summary:
      'Per product, county and season: capacity of the registered plots, harvested, bought, consumed, produced, packed and delivered (kg), flagged rows first',
  })
  @ApiQuery({ name: 'productId', required: false })
  @ApiQuery({ name: 'county', required: false })
  @ApiQuery({ name: 'season', required: false, description: 'the year the season starts in, e.g. 2026' })
  async massBalance(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const filter = massBalanceFilter(query);
    const visible = massBalanceScope(await this.readers.viewer(actor), filter);
    if (filter.productId && !(await this.docs.get<ProductView>('products', filter.productId))) {
      throw notFound('product_not_found', `no product ${filter.productId}`, { field: 'productId' });
    }
    const rows = await this.docs.find<MassBalanceView>('massBalance', massBalanceWhere(filter));
    return massBalanceAnswer(rows.filter(visible));
  }
}
