import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { hooks } from './request-edge';

/**
 * What every answer tells the browser: nothing in it runs or loads (an API answer is data;
 * the pages that need more say so with their own policy), it is never framed, its type is
 * not guessed, and no Referer leaves with a link followed from it (a scan URL carries an
 * item's code, which must not spread).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** The security headers with a page's own Content-Security-Policy. */
export function securityHeadersWith(contentSecurityPolicy: string): Readonly<Record<string, string>> {
  return { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy };
}

/**
 * The OpenAPI UI loads its scripts, styles and images from this server, sets inline styles
 * (React style attributes), and fetches the document.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const ENTRIES = Object.entries(SECURITY_HEADERS);

/**
 * On the Node response, where Fastify merges them into whatever it sends (errors and 404s
 * included), and where a route's own `reply.header()` still wins.
 */
export function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of ENTRIES) response.setHeader(name, value);
}

/** For Fastify's `frameworkErrors`: a malformed URL is answered before any request hook runs. */
export function sendWithSecurityHeaders(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  setSecurityHeaders(reply.raw);
  reply.send(error);
}

/** Every answer of `fastify` carries the headers; the OpenAPI UI's page at `docsPath` gets its own policy. */
export function addSecurityHeaders(fastify: FastifyInstance, docsPath: string): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    setSecurityHeaders(reply.raw);
    done();
  });
  fastify.addHook('onRoute', (route) => {
    if (route.url !== docsPath && route.url !== `${docsPath}/`) return;
    route.onRequest = [
      ...hooks(route.onRequest),
      (request, reply, done) => {
        reply.header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY);
        done();
      },
    ];
  });
}
