import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';

/** Answers a request itself and says so, or leaves it to the framework. */
export type FastLaneHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The scan of an item whose record is in memory is the one request that comes by the
 * thousand: it is answered at the HTTP server, before Fastify and Nest's request hooks.
 * Everything else — and every scan this lane does not take — goes to Fastify unchanged,
 * where the same routes answer it in full.
 */
export class ScanFastLane {
  private handler: FastLaneHandler = () => false;

  open(handler: FastLaneHandler): void {
    this.handler = handler;
  }

  /** For Fastify's `serverFactory` option. */
  serverFactory = (frameworkHandler: (req: IncomingMessage, res: ServerResponse) => void): Server =>
    createServer((req, res) => {
      if (!this.handler(req, res)) frameworkHandler(req, res);
    });
}
