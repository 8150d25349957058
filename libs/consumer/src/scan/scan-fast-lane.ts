import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';

/** Answers a request itself and says so, or leaves it to the framework. */
export type FastLaneHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The scan of an item whose record is in memory is the one request that comes by the
 * thousand (and the sellable check of one, asked as often by shops and platforms): it is answered at the HTTP server, before Fastify and Nest's request hooks.
 * Everything else — and every scan this lane does not take — goes to Fastify unchanged,
 * where the same routes answer it in full.
 */
export class ScanFastLane {
  private handlers: FastLaneHandler[] = [];

  /** Adds a handler; each is asked in turn until one answers. */
  open(handler: FastLaneHandler): void {
    this.handlers.push(handler);
  }

  private answer(req: IncomingMessage, res: ServerResponse): boolean {
    for (const handler of this.handlers) if (handler(req, res)) return true;
    return false;
  }

  /** For Fastify's `serverFactory` option. */
  serverFactory = (frameworkHandler: (req: IncomingMessage, res: ServerResponse) => void): Server =>
    createServer((req, res) => {
      if (!this.answer(req, res)) frameworkHandler(req, res);
    });
}
