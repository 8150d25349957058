import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@suyuan/core';
import { EventIdReuseError, WrongExpectedRevisionError } from '@suyuan/eventstore';
import { ErrorBody, errorBody } from './error-body';
import { bodyTooLarge } from './request-edge';

const STATUS_BY_KIND = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409 } as const;

/**
 * Every error leaves as a JSON body naming the problem. Client mistakes keep their
 * 4xx; only what we did not foresee becomes a 500, and it is logged.
 */
@Catch()
export class AllErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const body = isBodyTooLarge(error) ? bodyTooLarge(http.getRequest<FastifyRequest>().routeOptions.bodyLimit) : this.toBody(error);
    reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(error: unknown): ErrorBody {
    if (error instanceof DomainError) {
      return errorBody(STATUS_BY_KIND[error.kind], error.code, error.message, error.details);
    }
    if (error instanceof WrongExpectedRevisionError) {
      return errorBody(409, 'concurrent_update', `${error.streamId} was changed by another request; retry`);
    }
    if (error instanceof EventIdReuseError) {
      return errorBody(409, 'idempotency_conflict', error.message);
    }
    if (error instanceof HttpException) return fromHttpException(error);
    const status = (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const fastify = error as { code?: string; message?: string };
      return errorBody(status, (fastify.code ?? 'bad_request').toLowerCase(), fastify.message ?? 'bad request');
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return errorBody(500, 'internal_error', 'something went wrong on our side; the request was not recorded');
  }
}

/** Fastify's refusal of a body over its route's limit, which does not say the limit. */
function isBodyTooLarge(error: unknown): boolean {
  return error instanceof HttpException && (error.cause as { code?: string } | undefined)?.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
}

function fromHttpException(error: HttpException): ErrorBody {
  const status = error.getStatus();
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null) {
    const r = response as { code?: string; message?: string | string[]; details?: Record<string, unknown> };
    const message = Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? error.message);
    return errorBody(status, r.code ?? defaultCode(status), message, r.details);
  }
  return errorBody(status, defaultCode(status), String(response));
}

function defaultCode(status: number): string {
  return { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict' }[status] ?? 'error';
}
