import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import { checkBodyShape } from './body-shape';
import { ErrorBody, errorBody } from './error-body';
import { untrueText } from './text-rules';

export interface RequestEdgeOptions {
  /** The body limit of every route not in `bodyLimits`, in bytes. */
  defaultBodyLimit: number;
  /** Routes that take larger bodies, by `METHOD /path` as declared (e.g. `POST /api/cold-chain/readings`). */
  bodyLimits: Readonly<Record<string, number>>;
  /** Where the API routes live: their path and query parameters are checked as text too. */
  apiPrefix: string;
  /** Routes under the API prefix that are not the API (the OpenAPI UI's files). */
  docsPath: string;
}

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What no request gets past, before guards, pipes and interceptors see it: a body larger
 * than its route takes (Fastify refuses it from Content-Length before reading, or as the
 * chunks arrive, with a 413), a body whose shape no route takes or whose text cannot be
 * true (`checkBodyShape`, on the parsed body), and API path and query parameters that
 * cannot be true text. Install before the routes are registered; `verify()` after, so that
 * a limit declared for a route that no longer exists fails the start.
 */
export function guardRequestEdge(fastify: FastifyInstance, options: RequestEdgeOptions): { verify(): void } {
  const unmatched = new Set(Object.keys(options.bodyLimits));
  fastify.addHook('onRoute', (route) => {
    const methods = hooks(route.method).map(String);
    const declared = methods.map((m) => `${m} ${route.url}`).find((key) => key in options.bodyLimits);
    if (declared) unmatched.delete(declared);
    route.bodyLimit ??= declared ? options.bodyLimits[declared] : options.defaultBodyLimit;
    if (methods.some((m) => !WITHOUT_BODY.has(m))) {
      route.preValidation = [...hooks(route.preValidation), checkBody];
    } else if (route.url.startsWith(options.apiPrefix) && !route.url.startsWith(options.docsPath)) {
      route.preValidation = [...hooks(route.preValidation), checkParameters];
    }
  });
  return {
    verify() {
      if (unmatched.size > 0) throw new Error(`body limits declared for routes that do not exist: ${[...unmatched].join(', ')}`);
    },
  };
}

const checkBody: preValidationHookHandler = (request, reply, done) => {
  try {
    checkBodyShape(request.body);
  } catch (error) {
    return done(error as Error);
  }
  done();
};

const checkParameters: preValidationHookHandler = (request, reply, done) => {
  try {
    checkValues(request.params);
    checkValues(request.query);
  } catch (error) {
    return done(error as Error);
  }
  done();
};

function checkValues(values: FastifyRequest['params']): void {
  if (typeof values !== 'object' || values === null) return;
  const record = values as Record<string, unknown>;
  for (const name in record) {
    const value = record[name];
    for (const text of [name, ...(Array.isArray(value) ? value : [value])]) {
      const problem = typeof text === 'string' ? untrueText(text) : undefined;
      if (problem) {
        throw new BadRequestException({ code: 'invalid_text', message: `${name} ${problem}`, details: { field: name } });
      }
    }
  }
}

/** A route option that holds no hook, one, or a list. */
export function hooks<T>(option: T | T[] | undefined): T[] {
  return option === undefined ? [] : Array.isArray(option) ? option : [option];
}

/** The answer to a body over its route's limit, naming the limit. */
export function bodyTooLarge(limitBytes: number): ErrorBody {
  return errorBody(413, 'body_too_large', `the request body is larger than this route takes: at most ${describeBytes(limitBytes)}`, {
    limitBytes,
  });
}

function describeBytes(bytes: number): string {
  const [unit, size] = bytes % (1024 * 1024) === 0 ? ['MB', 1024 * 1024] : bytes % 1024 === 0 ? ['KB', 1024] : ['bytes', 1];
  return `${bytes / size} ${unit}`;
}
