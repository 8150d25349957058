import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeadersWith } from '@suyuan/platform/nest';
import { negotiateLanguage } from '../page/i18n';
import { PAGE_CONTENT_SECURITY_POLICY } from '../page/layout';
import { renderNotFoundPage } from '../page/not-found-page';
import { ScanFastLane } from './scan-fast-lane';
import { ResolvedItem, ScanService } from './scan.service';

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
/**
 * Answers depend on the Accept headers, and change as the goods move; pages and JSON alike
 * carry the pages' security headers.
 */
const SCAN_HEADERS = { vary: 'Accept, Accept-Language', 'cache-control': 'no-cache', ...securityHeadersWith(PAGE_CONTENT_SECURITY_POLICY) };
/**
 * The fast lane's headers as Node's flat [name, value, …] list, which it writes without
 * iterating and lower-casing an object; the content length goes in the last slot.
 */
const flatHeaders = (type: string) => ['content-type', type, ...Object.entries(SCAN_HEADERS).flat(), 'content-length', ''];
const FAST_HEADERS: Record<string, readonly string[]> = { [HTML]: flatHeaders(HTML), [JSON_TYPE]: flatHeaders(JSON_TYPE) };
const NOT_ISSUED = JSON.stringify({
  statusCode: 404,
  error: 'Not Found',
  code: 'code_not_issued',
  message: 'this code was never issued by Suyuan; the product may be counterfeit',
});

type ScanRequest = FastifyRequest<{ Params: Record<string, string>; Querystring: { lang?: string } }>;

/**
 * What a phone opens from the QR code on one item: an HTML page by default, JSON for
 * `Accept: application/json`. The hottest path of the system, so these two routes sit on
 * Fastify directly, beside the Nest routes: public, no body, no key, nothing for the Nest
 * pipeline (guards, pipes, interceptors) to do but cost time. Documented in the OpenAPI
 * description by `scanRoutesOpenApi`.
 */
@Injectable()
export class ScanRoutes implements OnModuleInit {
  private readonly logger = new Logger('scan');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly scans: ScanService,
    @Optional() private readonly fastLane?: ScanFastLane,
  ) {}

  onModuleInit(): void {
    this.fastLane?.open((req, res) => this.fastScan(req, res));
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get('/t/:code', (request: ScanRequest, reply) => {
      const { code } = request.params;
      // Served without a promise when the item is in memory; fetched otherwise.
      const hit = this.scans.resolveFromMemory(code);
      return hit ? this.send(request, reply, code, hit) : this.answer(request, reply, code, () => this.scans.resolve(code));
    });
    fastify.get('/01/:gtin/10/:lot/21/:serial', (request: ScanRequest, reply) => {
      const { gtin, lot, serial } = request.params;
      return this.answer(request, reply, serial, async () => {
        const resolved = await this.scans.resolve(serial);
        // A serial copied under another product's GTIN or lot is not the item that was issued.
        const view = resolved?.batch.view;
        return view && view.product.gtin === gtin && view.lotCode === lot ? resolved : undefined;
      });
    });
  }

  /** `GET /t/{code}` of an item in memory, straight from the server; anything else declines. */
  private fastScan(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    if (req.method !== 'GET' || !url.startsWith('/t/')) return false;
    const query = url.indexOf('?');
    const code = query < 0 ? url.slice(3) : url.slice(3, query);
    const hit = code.length === 16 ? this.scans.resolveFromMemory(code) : undefined;
    if (!hit) return false;
    const lang = () => (query < 0 ? undefined : (new URLSearchParams(url.slice(query + 1)).get('lang') ?? undefined));
    const { type, body } = this.render(hit, req.headers.accept, lang, req.headers['accept-language']);
    const headers = FAST_HEADERS[type].slice();
    headers[headers.length - 1] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
    return true;
  }

  private async answer(request: ScanRequest, reply: FastifyReply, code: string, resolve: () => Promise<ResolvedItem | undefined>) {
    try {
      return this.send(request, reply, code, await resolve());
    } catch (error) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return reply.code(500).type(JSON_TYPE).send({ statusCode: 500, error: 'Internal Server Error', code: 'internal_error', message: 'something went wrong on our side' });
    }
  }

  private send(request: ScanRequest, reply: FastifyReply, code: string, resolved: ResolvedItem | undefined) {
    reply.headers(SCAN_HEADERS);
    const { accept, 'accept-language': acceptLanguage } = request.headers;
    if (resolved) {
      const { type, body } = this.render(resolved, accept, () => request.query.lang, acceptLanguage);
      return reply.type(type).send(body);
    }
    if (wantsJson(accept)) return reply.code(404).type(JSON_TYPE).send(NOT_ISSUED);
    return reply.code(404).type(HTML).send(renderNotFoundPage(code, negotiateLanguage(request.query.lang, acceptLanguage)));
  }

  /** JSON or the page in the reader's language; the language is looked up only for a page. */
  private render(resolved: ResolvedItem, accept: string | undefined, lang: () => string | undefined, acceptLanguage: string | undefined) {
    if (wantsJson(accept)) return { type: JSON_TYPE, body: this.scans.json(resolved) };
    return { type: HTML, body: this.scans.html(resolved, negotiateLanguage(lang(), acceptLanguage)) };
  }
}

/** JSON only when asked for it more than HTML: a browser's Accept lists text/html first. */
export function wantsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = accept.indexOf('application/json');
  if (json < 0) return false;
  const html = accept.indexOf('text/html');
  return html < 0 || json < html;
}

const scanOperation = (summary: string, params: string[]) => ({
  get: {
    tags: ['consumer'],
    summary,
    parameters: [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh', 'en'] } },
    ],
    responses: {
      200: { description: 'the item record', content: { 'text/html': {}, 'application/json': {} } },
      404: { description: 'the code was never issued: possibly counterfeit' },
    },
  },
});

/** The raw Fastify scan routes, described for the OpenAPI document. */
export const scanRoutesOpenApi = {
  '/t/{code}': scanOperation('The item record behind a QR code (HTML page, or JSON with Accept: application/json)', ['code']),
  '/01/{gtin}/10/{lot}/21/{serial}': scanOperation('GS1 Digital Link form of the scan URL', ['gtin', 'lot', 'serial']),
};
