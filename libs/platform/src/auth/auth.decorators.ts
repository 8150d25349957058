import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@suyuan/core';

export const PUBLIC_ROUTE = 'suyuan:public';
export const ALLOWED_ROLES = 'suyuan:roles';

export const NOT_REPLAYABLE = 'suyuan:not-replayable';

/** The answer must not be kept for idempotent replay (it holds a secret shown once). */
export const NotReplayable = () => SetMetadata(NOT_REPLAYABLE, true);

/** No API key needed: consumer pages, health, docs. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Roles whose keys may call this route ('admin' is the bootstrap administrator). */
export const Roles = (...roles: string[]) => SetMetadata(ALLOWED_ROLES, roles);

export interface AuthenticatedRequest {
  actor?: Actor;
  headers: Record<string, string | string[] | undefined>;
}

/** The organization acting through the request's API key. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor!;
});

/** Who is writing and the idempotency key they sent: the start of every command's context. */
export const WriteContext = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = request.headers['idempotency-key'];
  return { actor: request.actor!, idempotencyKey: typeof key === 'string' && key.length > 0 ? key : undefined };
});
