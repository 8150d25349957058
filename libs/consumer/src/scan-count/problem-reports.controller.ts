import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, invalid, wholeQueryNumber } from '@suyuan/core';
import { CLOCK, Clock, errorBody } from '@suyuan/platform';
import { CurrentActor, Public, securityHeadersWith } from '@suyuan/platform/nest';
import { Lang } from '../page/i18n';
import { PAGE_CONTENT_SECURITY_POLICY } from '../page/layout';
import { renderReportedPage } from '../page/scan-answers';
import { REPORT_CONTACT_MAX, REPORT_TEXT_MAX } from '../page/scan-section';
import { Lru } from '../scan/lru';
import { ScanCache } from '../scan/scan-cache';
import { HTML_TYPE, JSON_TYPE, wantsJson } from '../scan/scan-path';
import { ScanCounter } from './scan-counter';
import { ProblemReports } from './problem-reports';
import { PROBLEM_KINDS, ProblemKind, ReportCursor } from './scan-log.port';

export class ProblemReportDto {
  @ApiProperty({ enum: PROBLEM_KINDS })
  @IsIn(PROBLEM_KINDS)
  kind!: ProblemKind;

  @ApiProperty({ maxLength: REPORT_TEXT_MAX, example: '包装上的码扫出来是别的产地' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REPORT_TEXT_MAX)
  description!: string;

  @ApiPropertyOptional({ maxLength: REPORT_CONTACT_MAX, description: 'a phone number or e-mail, if the reporter wants an answer' })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_CONTACT_MAX)
  contact?: string;

  @ApiPropertyOptional({ enum: ['zh', 'en'], description: 'the language of the HTML answer' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: Lang;
}

/** Reports taken from one client (network) per hour: a form anyone can post must not fill the disk. */
const REPORTS_PER_HOUR = 10;
const HOUR = 3_600_000;
const PAGE = { min: 1, max: 500, default: 100 };

/**
 * A consumer reports a problem or a suspected fake from the item's page (a plain form) or as
 * JSON; the item's owning organization and the regulator list the reports. Kept in the scan
 * log, not as events: they are claims by anyone, unchecked, that no decision of the chain
 * rests on, and a flood of them must not grow the event log every rebuild replays.
 */
@ApiTags('consumer')
@Controller()
export class ProblemReportsController {
  private readonly recent = new Lru<string, { count: number; since: number }>(100_000);

  constructor(
    private readonly reports: ProblemReports,
    private readonly items: ScanCache,
    private readonly counter: ScanCounter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Post('t/:code/report')
  @ApiOperation({ summary: 'Report a problem or a suspected fake about an item (form or JSON)' })
  async report(@Param('code') rawCode: string, @Body() body: ProblemReportDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const resolved = await this.items.resolve(rawCode);
    if (!resolved) throw new NotFoundException({ code: 'code_not_issued', message: `code ${rawCode} was never issued` });
    const client = this.counter.clientOf(request.ip);
    const at = this.clock.now().getTime();
    this.admit(client, at);
    const { item, batch } = resolved;
    const report = await this.reports.take({
      at,
      code: item.code,
      kind: body.kind,
      description: body.description,
      ...(body.contact && { contact: body.contact }),
      client,
      ownerId: batch.view.cooperative.id,
      productId: batch.view.product.id,
    });
    if (wantsJson(request.headers.accept) || String(request.headers['content-type']).startsWith('application/json')) {
      return reply
        .code(201)
        .type(JSON_TYPE)
        .send({ id: report.id, code: item.code, kind: report.kind, at: new Date(at).toISOString() });
    }
    const page = renderReportedPage(item.code, body.lang ?? 'zh');
    return reply.code(201).headers(securityHeadersWith(PAGE_CONTENT_SECURITY_POLICY)).type(HTML_TYPE).send(page);
  }

  @ApiBearerAuth()
  @Get('api/problem-reports')
  @ApiOperation({
    summary:
      "Consumers' problem reports, newest first, a page at a time (X-Next-Cursor names the next): a regulator's those of its jurisdiction, the owning organization's own items'",
  })
  @ApiQuery({ name: 'organizationId', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'first day, yyyy-mm-dd (China time); default 30 days ago' })
  @ApiQuery({ name: 'to', required: false, description: 'last day, yyyy-mm-dd, included; default today' })
  @ApiQuery({ name: 'limit', required: false, description: `reports per page, ${PAGE.min}–${PAGE.max} (${PAGE.default} unless asked)` })
  @ApiQuery({ name: 'cursor', required: false, description: 'the X-Next-Cursor header of the page before' })
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const page = {
      limit: wholeQueryNumber('limit', query.limit, PAGE),
      ...(query.cursor !== undefined && { before: cursorOf(query.cursor) }),
    };
    const { reports, next } = await this.reports.list(actor, query, page, this.clock.now().getTime());
    if (next) reply.header('x-next-cursor', `${next.at}.${next.id}`);
    return reports;
  }

  @ApiBearerAuth()
  @Delete('api/problem-reports/:id/contact')
  @HttpCode(204)
  @ApiOperation({
    summary: "Erase a reporter's contact at their request (PIPL): its key is destroyed; for the item's owner and its regulator",
  })
  async eraseContact(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.reports.eraseContact(actor, id, this.clock.now().getTime());
  }

  private admit(client: string, now: number): void {
    let seen = this.recent.get(client);
    if (!seen || now - seen.since >= HOUR) this.recent.set(client, (seen = { count: 0, since: now }));
    if (seen.count >= REPORTS_PER_HOUR) {
      const retry = new Date(seen.since + HOUR).toISOString();
      throw new HttpException(
        errorBody(429, 'too_many_reports', `at most ${REPORTS_PER_HOUR} reports an hour from one network; try again after ${retry}`, {
          retryAt: retry,
        }),
        429,
      );
    }
    seen.count++;
  }
}

const CURSOR = /^(\d{1,15})\.([0-9a-f-]{36})$/;

/** `<ms>.<id>`: the X-Next-Cursor of the page before. */
function cursorOf(text: unknown): ReportCursor {
  const match = typeof text === 'string' ? CURSOR.exec(text) : null;
  if (!match)
    throw invalid('invalid_query', `cursor must be the X-Next-Cursor of the page before, got ${JSON.stringify(text)}`, { field: 'cursor' });
  return { at: Number(match[1]), id: match[2] };
}
