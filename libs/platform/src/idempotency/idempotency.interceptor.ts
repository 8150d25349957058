import { CallHandler, ConflictException, ExecutionContext, Inject, Injectable, NestInterceptor, BadRequestException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Observable, from, lastValueFrom } from 'rxjs';
import { Actor } from '@suyuan/core';
import { NOT_REPLAYABLE } from '../auth/auth.decorators';
import { CLOCK, Clock } from '../commands/clock';
import { headerText, untrueText } from '../http/text-rules';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency.store';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A write sent again with the same `Idempotency-Key` gets the first answer back and
 * records nothing new. Reusing a key for a different request is refused (409).
 * Concurrent duplicates wait for the first one instead of racing it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    if (!WRITE_METHODS.has(request.method) || key === undefined || !request.actor) return next.handle();
    // An answer holding a secret is not kept: only which request the key was used for, so that
    // another request with it is refused; the handler answers a repeat of the same one itself.
    const replayable = !Reflect.getMetadata(NOT_REPLAYABLE, context.getHandler());
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw new BadRequestException({ code: 'invalid_idempotency_key', message: 'Idempotency-Key must be 1–200 characters' });
    }
    const problem = untrueText(headerText(key));
    if (problem)
      throw new BadRequestException({ code: 'invalid_text', message: `Idempotency-Key ${problem}`, details: { field: 'Idempotency-Key' } });
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const scope = request.actor.organizationId;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\u0000${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const slot = `${scope}\u0000${key}`;
    const run = async (): Promise<unknown> => {
      const earlier = this.inFlight.get(slot);
      if (earlier) await earlier.catch(() => undefined);
      const stored = await this.store.find(scope, key);
      if (stored) {
        if (stored.requestHash !== requestHash) {
          throw new ConflictException({
            code: 'idempotency_key_reused',
            message: 'this Idempotency-Key was already used for a different request',
          });
        }
        if (replayable) {
          reply.status(stored.status).header('idempotent-replayed', 'true');
          return JSON.parse(stored.body);
        }
      }
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const body = replayable ? JSON.stringify(result ?? null) : 'null';
      await this.store.save(
        scope,
        key,
        { requestHash, status: successStatus(context, request.method), body },
        this.clock.now().toISOString(),
      );
      return result;
    };
    const promise = run();
    this.inFlight.set(slot, promise);
    promise.finally(() => this.inFlight.get(slot) === promise && this.inFlight.delete(slot)).catch(() => undefined);
    return from(promise);
  }
}

/** The status Nest will send for this route (its @HttpCode, or 201 for POST). */
function successStatus(context: ExecutionContext, method: string): number {
  const declared = Reflect.getMetadata('__httpCode__', context.getHandler()) as number | undefined;
  return declared ?? (method === 'POST' ? 201 : 200);
}
