import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { escapeHtml } from '@suyuan/consumer';
import { Actor } from '@suyuan/core';
import { CurrentActor, Public } from '@suyuan/platform/nest';
import { CartonPage, CartonPages } from '../application/carton-pages';

/** What a carton label's QR opens: the carton's public page, and its item list for those owning or holding it. */
@ApiTags('labels')
@Controller()
export class CartonPageController {
  constructor(private readonly cartons: CartonPages) {}

  @Get('c/:cartonId')
  @Public()
  @ApiOperation({ summary: 'A carton’s public page: product, lot, grades, count (JSON with Accept: application/json); never its codes' })
  async page(
    @Param('cartonId') cartonId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const page = await this.cartons.page(cartonId);
    if (accept?.includes('application/json')) return page;
    reply.header('content-type', 'text/html; charset=utf-8');
    return cartonHtml(page);
  }

  @Get('api/cartons/:id/items')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The items of a carton, for the organization owning its batch and those whose places held it' })
  items(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.cartons.items(actor, id);
  }
}

function cartonHtml(p: CartonPage): string {
  const row = (label: string, value: string) => `<tr><th>${label}</th><td>${escapeHtml(value)}</td></tr>`;
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(`${p.product.nameZh} 整箱 ${p.cartonId}`)}</title></head><body>` +
    `<h1>${escapeHtml(p.product.nameZh)} · 整箱</h1>` +
    (p.recall
      ? `<p role="alert"><strong>本批次已被召回（${escapeHtml(p.recall.class)} 级，${escapeHtml(p.recall.recallId)}）：${escapeHtml(p.recall.reason)}。` +
        `请勿销售或食用，按召回要求退回或销毁。</strong></p>`
      : '') +
    `<table>` +
    row('箱号', p.cartonId) +
    row('批号', p.lotCode) +
    row('生产者', p.producer) +
    row('等级', p.grades.join(' / ')) +
    row('数量', `${p.itemCount} 件`) +
    (p.packedAt ? row('包装时间', p.packedAt) : '') +
    `</table><p>每件商品另有一物一码，请扫描单件标签查询。</p></body></html>`
  );
}
