import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ITEM_CODE_LENGTH } from '@suyuan/codes';
import { errorBody } from '@suyuan/platform';
import { SECURITY_HEADERS } from '@suyuan/platform/nest';
import { ScanFastLane } from '../scan/scan-fast-lane';
import { SellableCheck } from './sellable-check';

const PREFIX = '/api/sellable/';
const JSON_TYPE = 'application/json; charset=utf-8';
/** An answer holds for the moment it is given: a hold or a recall may change it the next. */
const HEADERS = { 'cache-control': 'no-store', ...SECURITY_HEADERS };
const FAST_HEADERS = ['content-type', JSON_TYPE, ...Object.entries(HEADERS).flat(), 'content-length', ''];
const FAILED = errorBody(500, 'internal_error', 'something went wrong on our side');

/**
 * `GET /api/sellable/{code}`: public, no key, no body. Answered at the HTTP server when the item
 * and its batch are in memory (the scan's fast lane), else by a raw Fastify route reading
 * through to the read models, as a scan is.
 */
@Injectable()
export class SellableRoutes implements OnModuleInit {
  private readonly logger = new Logger('sellable');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly check: SellableCheck,
    @Optional() private readonly fastLane?: ScanFastLane,
  ) {}

  onModuleInit(): void {
    this.fastLane?.open((req, res) => this.fast(req, res));
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get(`${PREFIX}:code`, async (request: FastifyRequest<{ Params: { code: string } }>, reply) => {
      try {
        const answer = await this.check.answer(request.params.code);
        return reply.headers(HEADERS).type(JSON_TYPE).send(JSON.stringify(answer));
      } catch (error) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        return reply.code(500).type(JSON_TYPE).send(FAILED);
      }
    });
  }

  private fast(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    if (req.method !== 'GET' || !url.startsWith(PREFIX) || url.length !== PREFIX.length + ITEM_CODE_LENGTH) return false;
    // A string, not a Buffer: Node joins a string body to the head in one chunk.
    const body = this.check.jsonFromMemory(url.slice(PREFIX.length));
    if (body === undefined) return false;
    const headers = FAST_HEADERS.slice();
    headers[headers.length - 1] = String(Buffer.byteLength(body));
    res.writeHead(200, headers);
    res.end(body);
    return true;
  }
}

/** The raw Fastify route, described for the OpenAPI document. */
export const sellableRoutesOpenApi = {
  '/api/sellable/{code}': {
    get: {
      tags: ['consumer'],
      summary:
        'Whether one code may be sold now (进货查验, a platform’s check before listing): genuine, not voided, not held, not past its shelf life; with the reasons',
      parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: {
          description: '{ code, sellable, reasons: [{ code, zh, en, since?, unit?, reason? }], checkedAt, product?, lotCode?, packedAt? }',
        },
      },
    },
  },
};
