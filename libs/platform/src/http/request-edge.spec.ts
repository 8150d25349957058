import { HttpException } from '@nestjs/common';
import Fastify from 'fastify';
import { guardRequestEdge } from './request-edge';

function app(bodyLimits: Record<string, number>) {
  const fastify = Fastify();
  // What the app's error filter does with the edge's refusals: sends them as they are.
  fastify.setErrorHandler((error, request, reply) =>
    error instanceof HttpException ? reply.status(error.getStatus()).send(error.getResponse()) : reply.send(error),
  );
  const edge = guardRequestEdge(fastify, { defaultBodyLimit: 100, bodyLimits, apiPrefix: '/api/', docsPath: '/api/docs' });
  fastify.post('/api/small', async () => 'ok');
  fastify.post('/api/large', async () => 'ok');
  fastify.get('/api/things/:id', async () => 'ok');
  return { fastify, edge };
}

const post = (fastify: ReturnType<typeof Fastify>, url: string, payload: string) =>
  fastify.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });

describe('guardRequestEdge', () => {
  it('gives every route the default body limit, and the declared ones theirs', async () => {
    const { fastify, edge } = app({ 'POST /api/large': 1000 });
    edge.verify();
    const body = JSON.stringify({ text: 'x'.repeat(200) });
    expect((await post(fastify, '/api/small', body)).statusCode).toBe(413);
    expect((await post(fastify, '/api/large', body)).statusCode).toBe(200);
  });

  it('fails the start when a limit is declared for a route that does not exist', async () => {
    const { fastify, edge } = app({ 'POST /api/large': 1000, 'POST /api/renamed': 1000 });
    await fastify.ready();
    expect(() => edge.verify()).toThrow('body limits declared for routes that do not exist: POST /api/renamed');
  });

  it('refuses a body or a parameter that cannot be true text, naming the field', async () => {
    const { fastify } = app({});
    const body = await post(fastify, '/api/small', '{"name":"\\u202E"}');
    expect([body.statusCode, body.json()]).toEqual([400, expect.objectContaining({ code: 'invalid_text', details: { field: 'name' } })]);
    const parameter = await fastify.inject({ method: 'GET', url: '/api/things/a%00' });
    expect([parameter.statusCode, parameter.json()]).toEqual([400, expect.objectContaining({ details: { field: 'id' } })]);
  });
});
