import Fastify from 'fastify';
import { AddressInfo } from 'node:net';
import { receiveBodies, serveOverIpc } from './ipc-server';

/**
 * The ceiling: bare Fastify 5 answering the scan route with fixed, pre-serialized real scan
 * bodies, JSON or HTML chosen by Accept like the app, with the same headers; and the sellable
 * check's route with its real answers.
 */
async function main() {
  const bodies = await receiveBodies();
  const app = Fastify({ trustProxy: true });
  let turn = 0;
  app.get('/t/:code', (request, reply) => {
    const json = request.headers.accept?.includes('application/json');
    const body = json ? bodies.json[turn++ % bodies.json.length] : bodies.html[turn++ % bodies.html.length];
    reply.header('vary', 'Accept, Accept-Language').header('cache-control', 'no-cache');
    reply.type(json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8').send(body);
  });
  // The sellable check's ceiling: its real JSON answers, fixed.
  app.get('/api/sellable/:code', (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.type('application/json; charset=utf-8').send(bodies.json[turn++ % bodies.json.length]);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  serveOverIpc((app.server.address() as AddressInfo).port, () => app.close());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
