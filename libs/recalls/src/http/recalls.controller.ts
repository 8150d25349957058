import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, invalid } from '@suyuan/core';
import { CommandContext, CurrentActor, Roles, WriteContext } from '@suyuan/platform/nest';
import { RecallScope } from '../domain/events';
import { RecallQueries } from '../application/recall-queries';
import { RecallWrite } from '../application/recall.commands';
import { CloseRecallDto, DisposeUnitsDto, OpenRecallDto, RecallScopeDto } from './recalls.dto';

/** Recalls (产品可召回): opened by a regulator or a cooperative for its own lots, run by the holders, closed by a regulator. */
@ApiTags('recalls')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api')
export class RecallsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: RecallQueries,
  ) {}

  @Post('recalls')
  @HttpCode(201)
  @Roles('regulator', 'cooperative')
  @ApiOperation({
    summary:
      'Open a recall: its scope (lots, a plot and harvest dates, a farm input or a test) with every lot made from them, its level and reason',
  })
  open(@WriteContext() ctx: CommandContext, @Body() body: OpenRecallDto) {
    return this.commands.execute(new RecallWrite(ctx, { type: 'OpenRecall', ...body, scope: scopeOf(body.scope) }));
  }

  @Get('recalls')
  @ApiOperation({ summary: 'The recalls I am party to (a regulator: all), newest first' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed'] })
  list(@CurrentActor() actor: Actor, @Query('status') status?: string) {
    if (status !== undefined && status !== 'open' && status !== 'closed')
      throw invalid('invalid_query', `status must be open or closed, got ${status}`, { field: 'status' });
    return this.queries.list(actor, status);
  }

  @Get('recalls/:id')
  @ApiOperation({
    summary: 'A recall with its progress now: units returned, destroyed, located, in transit, delivered, processed, unaccounted, by place',
  })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.queries.get(actor, id);
  }

  @Post('recalls/:id/disposals')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record units of the recall my facility returned or destroyed: whole cartons, or loose units of a lot' })
  dispose(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: DisposeUnitsDto) {
    return this.commands.execute(new RecallWrite(ctx, { type: 'DisposeUnits', recallId: id, ...body }));
  }

  @Post('recalls/:id/close')
  @Roles('regulator')
  @ApiOperation({ summary: 'Close a recall with its report (regulators only); its outcome is the progress at that moment' })
  close(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: CloseRecallDto) {
    return this.commands.execute(new RecallWrite(ctx, { type: 'CloseRecall', recallId: id, report: body.report }));
  }

  @Get('recall-tasks')
  @ApiOperation({ summary: 'The units of open recalls my facilities hold, to return or destroy' })
  tasks(@CurrentActor() actor: Actor) {
    return this.queries.tasks(actor);
  }
}

/** Exactly one start: lots, a plot (with harvest dates), a farm input or a test. */
function scopeOf(dto: RecallScopeDto): RecallScope {
  const given = (['lots', 'plot', 'input', 'test'] as const).filter((k) => dto[k] !== undefined);
  if (given.length !== 1)
    throw invalid('invalid_scope', `a recall's scope is one of lots, plot, input or test; got ${given.join(', ') || 'none'}`, {
      field: 'scope',
    });
  if ((dto.from !== undefined || dto.to !== undefined) && dto.plot === undefined)
    throw invalid('invalid_scope', 'from and to bound the harvests of a plot: give plot with them', { field: 'scope.from' });
  if (dto.lots) return { lots: [...new Set(dto.lots)] };
  if (dto.plot) return { plot: dto.plot, ...(dto.from !== undefined && { from: dto.from }), ...(dto.to !== undefined && { to: dto.to }) };
  if (dto.input) return { input: dto.input };
  return { test: dto.test! };
}
