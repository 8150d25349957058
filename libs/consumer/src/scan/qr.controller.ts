import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@suyuan/platform/nest';
import { qrPng, qrSvg } from '@suyuan/codes';
import { ScanCache } from './scan-cache';

/** The QR image of an issued code, for label printing. Public, like the page it points to. */
@ApiTags('consumer')
@Public()
@Controller('t/:code')
export class QrController {
  constructor(private readonly scans: ScanCache) {}

  @Get('qr.svg')
  @ApiOperation({ summary: 'QR code of the item as SVG' })
  @ApiProduces('image/svg+xml')
  async svg(@Param('code') code: string, @Res() reply: FastifyReply) {
    const url = await this.scanUrl(code);
    return reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .send(await qrSvg(url));
  }

  @Get('qr.png')
  @ApiOperation({ summary: 'QR code of the item as PNG (scale 1–20, default 6)' })
  @ApiProduces('image/png')
  async png(@Param('code') code: string, @Query('scale') scale: string | undefined, @Res() reply: FastifyReply) {
    const url = await this.scanUrl(code);
    const size = Math.min(Math.max(Number(scale) || 6, 1), 20);
    return reply
      .type('image/png')
      .header('cache-control', 'public, max-age=86400')
      .send(await qrPng(url, { scale: size }));
  }

  private async scanUrl(code: string): Promise<string> {
    const resolved = await this.scans.resolve(code);
    if (!resolved) throw new NotFoundException({ code: 'code_not_issued', message: `code ${code} was never issued` });
    return resolved.scanUrl;
  }
}
