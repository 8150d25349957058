import { Body, Controller, Get, HttpException, Inject, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Actor } from '@suyuan/core';
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
import { PROBLEM_KINDS, ProblemKind, SCAN_LOG, ScanLog } from './scan-log.port';
import { signalsQuery } from './signals-scope';

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
    @Inject(SCAN_LOG) private readonly log: ScanLog,
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
    const report = {
      id: randomUUID(),
      at,
      code: item.code,
      kind: body.kind,
      description: body.description,
      ...(body.contact !== undefined && { contact: body.contact }),
      client,
      ownerId: batch.view.cooperative.id,
      productId: batch.view.product.id,
    };
    await this.log.addReport(report);
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
  @ApiOperation({ summary: "Consumers' problem reports: a regulator's all, the owning organization's own items'" })
  @ApiQuery({ name: 'organizationId', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'first day, yyyy-mm-dd (China time); default 30 days ago' })
  @ApiQuery({ name: 'to', required: false, description: 'last day, yyyy-mm-dd, included; default today' })
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const reports = await this.log.reports(signalsQuery(actor, query, this.clock.now().getTime()));
    // The client's hash served its purpose (bounding reports); it is nobody's business.
    return reports.map(({ client: _client, at, ...report }) => ({ ...report, at: new Date(at).toISOString() }));
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
