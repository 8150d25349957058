import { BadRequestException, Body, Controller, HttpException, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { normalizeVerificationCode, verificationCodeMatches } from '@suyuan/codes';
import { CLOCK, Clock, errorBody } from '@suyuan/platform';
import { Public, securityHeadersWith } from '@suyuan/platform/nest';
import { Lang } from '../page/i18n';
import { PAGE_CONTENT_SECURITY_POLICY } from '../page/layout';
import { renderVerificationPage, VerificationOutcome } from '../page/scan-answers';
import { ScanCache } from '../scan/scan-cache';
import { HTML_TYPE, JSON_TYPE, wantsJson } from '../scan/scan-path';
import { ScanCounter } from './scan-counter';
import { VerificationAttempts } from './verification-attempts';

export const VERIFICATION_SECRET = Symbol('VerificationSecret');

export class VerifyCodeDto {
  @ApiProperty({ example: '48213907', description: 'the 8 digits under the scratch-off; spaces and hyphens are ignored' })
  @IsString()
  @MaxLength(20)
  verificationCode!: string;

  @ApiPropertyOptional({ enum: ['zh', 'en'], description: 'the language of the HTML answer' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: Lang;
}

/**
 * A consumer checks an item's 防伪码: from the page's form (an HTML answer) or as JSON. Wrong
 * tries are bounded per code and per client (`VerificationAttempts`); a locked one is
 * answered 429 with the time it unlocks. No answer ever carries the code itself.
 */
@ApiTags('consumer')
@Public()
@Controller('t/:code')
export class VerificationController {
  private readonly attempts = new VerificationAttempts();

  constructor(
    private readonly items: ScanCache,
    private readonly counter: ScanCounter,
    @Inject(VERIFICATION_SECRET) private readonly secret: Buffer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('verify')
  @ApiOperation({ summary: "Check an item's verification code (防伪码): form or JSON; 429 with `unlocksAt` after too many wrong tries" })
  async verify(@Param('code') rawCode: string, @Body() body: VerifyCodeDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const resolved = await this.items.resolve(rawCode);
    if (!resolved) throw new NotFoundException({ code: 'code_not_issued', message: `code ${rawCode} was never issued` });
    const { code } = resolved.item;
    const typed = normalizeVerificationCode(body.verificationCode);
    if (!typed) {
      throw new BadRequestException({
        code: 'invalid_verification_code',
        message: 'verificationCode must be the 8 digits printed under the scratch-off',
        details: { field: 'verificationCode' },
      });
    }
    const client = this.counter.clientOf(request.ip);
    const now = this.clock.now().getTime();
    const locked = this.attempts.lockedUntil(code, client, now);
    let outcome: VerificationOutcome;
    if (locked !== undefined) outcome = { lockedUntil: new Date(locked).toISOString() };
    else if (verificationCodeMatches(code, typed, this.secret)) outcome = { verified: true };
    else {
      const { attemptsLeft, lockedUntil } = this.attempts.fail(code, client, now);
      outcome = { verified: false, attemptsLeft, ...(lockedUntil && { unlocksAt: new Date(lockedUntil).toISOString() }) };
    }
    const json = wantsJson(request.headers.accept) || String(request.headers['content-type']).startsWith('application/json');
    if ('lockedUntil' in outcome) {
      reply.header('retry-after', String(Math.ceil((locked! - now) / 1000)));
      if (json) {
        const message = `too many wrong verification codes for this item or from this network; try again after ${outcome.lockedUntil}`;
        throw new HttpException(errorBody(429, 'verification_locked', message, { unlocksAt: outcome.lockedUntil }), 429);
      }
    }
    const status = 'lockedUntil' in outcome ? 429 : 200;
    if (json)
      return reply
        .code(status)
        .type(JSON_TYPE)
        .send({ code, ...outcome });
    const page = renderVerificationPage(code, outcome, body.lang ?? 'zh');
    return reply.code(status).headers(securityHeadersWith(PAGE_CONTENT_SECURITY_POLICY)).type(HTML_TYPE).send(page);
  }
}
