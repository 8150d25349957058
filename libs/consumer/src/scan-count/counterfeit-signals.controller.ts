import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor } from '@suyuan/core';
import { CLOCK, Clock } from '@suyuan/platform';
import { CurrentActor } from '@suyuan/platform/nest';
import { VOIDED_FLAG, warningsOfFlags } from './scan-limits';
import { SCAN_LOG, ScanLog } from './scan-log.port';
import { SignalsScopes } from './signals-scope';

/**
 * What points at counterfeits, for the brand owner (the organization owning the items: its own
 * only) and the regulator (the items of the organizations in its jurisdiction): scans of codes
 * never issued (regulators only: they belong to no one), scans of codes over their limits and of voided codes by day and place,
 * and those codes.
 * Consumer scans only: the chain's own never count.
 */
@ApiTags('consumer')
@ApiBearerAuth()
@Controller('api')
export class CounterfeitSignalsController {
  constructor(
    @Inject(SCAN_LOG) private readonly log: ScanLog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scopes: SignalsScopes,
  ) {}

  @Get('counterfeit-signals')
  @ApiOperation({
    summary:
      'Counterfeit signals by day and place: unissued codes scanned (regulators), codes scanned past their limits, voided codes scanned',
  })
  @ApiQuery({
    name: 'organizationId',
    required: false,
    description: "the owning organization (a regulator's choice; others see their own)",
  })
  @ApiQuery({ name: 'from', required: false, description: 'first day, yyyy-mm-dd (China time); default 30 days ago' })
  @ApiQuery({ name: 'to', required: false, description: 'last day, yyyy-mm-dd, included; default today' })
  async signals(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const scope = await this.scopes.scope(actor, query, this.clock.now().getTime());
    const signals = await this.log.signals(scope);
    return {
      from: new Date(scope.from).toISOString(),
      to: new Date(scope.to).toISOString(),
      ...(typeof query.organizationId === 'string' && { organizationId: query.organizationId }),
      ...(signals.unissued && { unissued: signals.unissued }),
      flagged: signals.flagged,
      voided: signals.voided,
      flaggedCodes: signals.flaggedCodes.map(({ flags, firstAt, lastAt, ...code }) => ({
        ...code,
        firstAt: new Date(firstAt).toISOString(),
        lastAt: new Date(lastAt).toISOString(),
        warnings: warningsOfFlags(flags),
        ...((flags & VOIDED_FLAG) !== 0 && { voided: true }),
      })),
      ...(signals.flaggedCodesTruncated && { flaggedCodesTruncated: true }),
    };
  }
}
