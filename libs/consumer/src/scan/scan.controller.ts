import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../platform/src/auth/auth.decorators';
import { qrPng, qrSvg } from '../codes/qr';
import { Lang, negotiateLanguage } from '../page/i18n';
import { renderNotFoundPage } from '../page/not-found-page';
import { ResolvedItem, ScanService } from './scan.service';

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * What a phone opens from the QR code on one item: an HTML page by default, JSON
 * for `Accept: application/json`. Public: no key, no private data.
 */
@ApiTags('consumer')
@Public()
@Controller()
export class ScanController {
  constructor(private readonly scans: ScanService) {}

  @Get('t/:code')
  @ApiOperation({ summary: 'The item record behind a QR code (HTML page, or JSON with Accept: application/json)' })
  @ApiProduces('text/html', 'application/json')
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  async scan(
    @Param('code') code: string,
    @Query('lang') lang: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    return this.answer(await this.scans.resolve(code), code, wantsJson(accept), negotiateLanguage(lang, acceptLanguage), reply);
  }

  @Get('01/:gtin/10/:lot/21/:serial')
  @ApiOperation({ summary: 'GS1 Digital Link form of the scan URL' })
  async digitalLink(
    @Param('gtin') gtin: string,
    @Param('lot') lot: string,
    @Param('serial') serial: string,
    @Query('lang') lang: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    const resolved = await this.scans.resolve(serial);
    // A serial copied under another product's GTIN or lot is not the item that was issued.
    const view = resolved?.batch.view;
    const genuine = view && view.product.gtin === gtin && view.lotCode === lot ? resolved : undefined;
    return this.answer(genuine, serial, wantsJson(accept), negotiateLanguage(lang, acceptLanguage), reply);
  }

  @Get('t/:code/qr.svg')
  @ApiOperation({ summary: 'QR code of the item as SVG' })
  async qrSvg(@Param('code') code: string, @Res() reply: FastifyReply) {
    const resolved = await this.scans.resolve(code);
    if (!resolved) return this.answer(undefined, code, true, 'zh', reply);
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(await qrSvg(resolved.item.scanUrl));
  }

  @Get('t/:code/qr.png')
  @ApiOperation({ summary: 'QR code of the item as PNG' })
  async qrPng(@Param('code') code: string, @Query('scale') scale: string | undefined, @Res() reply: FastifyReply) {
    const resolved = await this.scans.resolve(code);
    if (!resolved) return this.answer(undefined, code, true, 'zh', reply);
    const size = Math.min(Math.max(Number(scale) || 6, 1), 20);
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(await qrPng(resolved.item.scanUrl, { scale: size }));
  }

  private answer(resolved: ResolvedItem | undefined, code: string, json: boolean, lang: Lang, reply: FastifyReply) {
    reply.header('vary', 'Accept, Accept-Language').header('cache-control', 'no-cache');
    if (!resolved) {
      reply.status(404);
      return json
        ? reply.type(JSON_TYPE).send({
            statusCode: 404,
            error: 'Not Found',
            code: 'code_not_issued',
            message: 'this code was never issued by Suyuan; the product may be counterfeit',
          })
        : reply.type(HTML).send(renderNotFoundPage(code, lang));
    }
    return json
      ? reply.type(JSON_TYPE).send(this.scans.json(resolved))
      : reply.type(HTML).send(this.scans.html(resolved, lang));
  }
}

/** JSON only when asked for it more than HTML: a browser's Accept lists text/html first. */
function wantsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = accept.indexOf('application/json');
  if (json < 0) return false;
  const html = accept.indexOf('text/html');
  return html < 0 || json < html;
}
