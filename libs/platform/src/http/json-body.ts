import { BadRequestException } from '@nestjs/common';
import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { BODY_SHAPE_LIMITS } from './body-shape';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = [0x5b, 0x7b];
const CLOSE = [0x5d, 0x7d];

/**
 * Fastify's JSON parser behind a scan of the text's nesting: V8 parses each level of
 * nesting in about a microsecond, so a 2 MB body of brackets would hold the server for most
 * of a second before any check of the parsed value could refuse it. The scan costs about a
 * millisecond a megabyte and stops at the first level too deep.
 */
export function depthCheckedJsonParser(fastify: FastifyInstance, depthLimit = BODY_SHAPE_LIMITS.depth): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const at = firstTooDeep(body, depthLimit);
    if (at < 0) return parse(request, body.toString(), done);
    done(
      new BadRequestException({
        code: 'body_too_deep',
        message: `the body nests deeper than ${depthLimit} levels (at byte ${at})`,
        details: { limit: depthLimit },
      }),
      undefined,
    );
  };
}

/** Where the JSON text first opens its `limit + 1`-th level, or -1; brackets inside strings do not count. */
export function firstTooDeep(text: Uint8Array, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN[0] || c === OPEN[1]) {
      if (++depth > limit) return i;
    } else if (c === CLOSE[0] || c === CLOSE[1]) depth--;
  }
  return -1;
}
