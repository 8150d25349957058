import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor } from '@suyuan/core';
import { APP_CONFIG, AppConfig } from '../config';
import { parseApiKey, sameSecret, secretMatches } from './api-key';
import { API_KEY_LOOKUP, ApiKeyLookup } from './api-key-lookup.port';
import { ALLOWED_ROLES, AuthenticatedRequest, PUBLIC_ROUTE } from './auth.decorators';

export const ADMIN_ACTOR: Actor = { organizationId: 'admin', keyId: 'admin', role: 'admin' };

/**
 * Every route needs an API key unless marked @Public(). The key decides the actor;
 * @Roles() then decides whether that actor's role may call the route.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_LOOKUP) private readonly keys: ApiKeyLookup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.authenticate(presentedKey(request));
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ForbiddenException({
        code: 'role_not_allowed',
        message: `this action needs one of the roles ${roles.join(', ')}; your key acts as ${actor.role}`,
      });
    }
    return true;
  }

  private async authenticate(key: string | undefined): Promise<Actor> {
    if (!key) throw new UnauthorizedException({ code: 'api_key_missing', message: 'send your API key as "Authorization: Bearer <key>"' });
    if (this.config.adminKey && sameSecret(key, this.config.adminKey)) return ADMIN_ACTOR;
    const parsed = parseApiKey(key);
    const stored = parsed && (await this.keys.find(parsed.keyId));
    if (!parsed || !stored || !secretMatches(parsed.secret, stored.secretHash)) {
      throw new UnauthorizedException({ code: 'api_key_invalid', message: 'the API key is not valid' });
    }
    if (stored.revoked) throw new UnauthorizedException({ code: 'api_key_revoked', message: 'the API key was revoked' });
    return { organizationId: stored.organizationId, keyId: stored.id, role: stored.role };
  }
}

function presentedKey(request: AuthenticatedRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = request.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}
