import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ITEM_CODE_LENGTH } from '@suyuan/codes';
import { APP_CONFIG, AppConfig, errorBody } from '@suyuan/platform';
import { securityHeadersWith } from '@suyuan/platform/nest';
import { negotiateLanguage } from '../page/i18n';
import { PAGE_CONTENT_SECURITY_POLICY } from '../page/layout';
import { clientAddress } from '../scan-count/client-network';
import { Scanner } from '../scan-count/scan-counter';
import { ScanFastLane } from './scan-fast-lane';
import { HTML_TYPE, JSON_TYPE, ScanAnswer, ScanPath } from './scan-path';

const SHORT_PREFIX = '/t/';
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
const FAST_HEADERS: Record<ScanAnswer['type'], readonly string[]> = {
  [HTML_TYPE]: flatHeaders(HTML_TYPE),
  [JSON_TYPE]: flatHeaders(JSON_TYPE),
};
const FAILED = errorBody(500, 'internal_error', 'something went wrong on our side');

type ScanRequest = FastifyRequest<{ Params: Record<string, string>; Querystring: { lang?: string; loc?: string } }>;

/**
 * What a phone opens from the QR code on one item: an HTML page by default, JSON for
 * `Accept: application/json`. The hottest path of the system, so it is answered at the HTTP
 * server (the fast lane) when the item is in memory, and by two routes on Fastify directly
 * otherwise, beside the Nest routes: public, no body, no key, nothing for the Nest pipeline
 * (guards, pipes, interceptors) to do but cost time. All three take their answers from
 * `ScanPath`. Documented in the OpenAPI description by `scanRoutesOpenApi`.
 */
@Injectable()
export class ScanRoutes implements OnModuleInit {
  private readonly logger = new Logger('scan');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly scans: ScanPath,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly fastLane?: ScanFastLane,
  ) {}

  onModuleInit(): void {
    this.fastLane?.open((req, res) => this.fastScan(req, res));
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get(`${SHORT_PREFIX}:code`, (request: ScanRequest, reply) => {
      const { code } = request.params;
      const lang = languageOf(request);
      const scanner = scannerOf(request);
      // Sent without a promise when the item is in memory.
      const hit = this.scans.answerFromMemory(code, request.headers.accept, lang, scanner);
      return hit ? send(reply, hit) : this.sendLater(reply, this.scans.answer(code, request.headers.accept, lang, scanner));
    });
    fastify.get('/01/:gtin/10/:lot/21/:serial', (request: ScanRequest, reply) => {
      const { gtin, lot, serial } = request.params;
      return this.sendLater(
        reply,
        this.scans.answer(serial, request.headers.accept, languageOf(request), scannerOf(request), { gtin, lot }),
      );
    });
  }

  /** `GET /t/{code}` of an item in memory, straight from the server; anything else declines. */
  private fastScan(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    if (req.method !== 'GET' || !url.startsWith(SHORT_PREFIX)) return false;
    const query = url.indexOf('?');
    const code = query < 0 ? url.slice(SHORT_PREFIX.length) : url.slice(SHORT_PREFIX.length, query);
    if (code.length !== ITEM_CODE_LENGTH) return false;
    const parameters = query < 0 ? undefined : new URLSearchParams(url.slice(query + 1));
    const lang = () => negotiateLanguage(parameters?.get('lang') ?? undefined, req.headers['accept-language']);
    const scanner: Scanner = {
      address: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], this.config.trustProxyHops),
      chain: isChainScan(req.headers),
      loc: parameters?.get('loc') ?? undefined,
    };
    const answer = this.scans.answerFromMemory(code, req.headers.accept, lang, scanner);
    if (!answer) return false;
    const headers = FAST_HEADERS[answer.type].slice();
    headers[headers.length - 1] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
    return true;
  }

  private async sendLater(reply: FastifyReply, answer: Promise<ScanAnswer>) {
    try {
      return send(reply, await answer);
    } catch (error) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return reply.code(500).type(JSON_TYPE).send(FAILED);
    }
  }
}

function send(reply: FastifyReply, { status, type, body }: ScanAnswer) {
  return reply.headers(SCAN_HEADERS).code(status).type(type).send(body);
}

/**
 * A scan by the chain's own people: a request carrying an API key (signed in, or a station's
 * app), or marked by the chain's apps with `X-Suyuan-Scanner`. Not checked: a consumer's phone
 * sends none of these, and whoever sends one only keeps their own scans out of the count.
 */
function isChainScan(headers: IncomingHttpHeaders): boolean {
  return headers.authorization !== undefined || headers['x-api-key'] !== undefined || headers['x-suyuan-scanner'] !== undefined;
}

/** Who scans, as Fastify tells it (the client's address by TRUST_PROXY's hops, as the fast lane works it out too). */
function scannerOf(request: ScanRequest): Scanner {
  const { loc } = request.query;
  return { address: request.ip, chain: isChainScan(request.headers), loc: typeof loc === 'string' ? loc : undefined };
}

/** The reader's language, worked out when first asked for. */
function languageOf(request: ScanRequest) {
  return () => negotiateLanguage(request.query.lang, request.headers['accept-language']);
}

const scanOperation = (summary: string, params: string[]) => ({
  get: {
    tags: ['consumer'],
    summary,
    parameters: [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh', 'en'] } },
      {
        name: 'loc',
        in: 'query',
        required: false,
        description: 'the city the client is in (a hint, e.g. from a WeChat page); counted once per client',
        schema: { type: 'string', maxLength: 24 },
      },
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
