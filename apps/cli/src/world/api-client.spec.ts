import { AddressInfo, Server, createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { ApiClient, ApiError } from './api-client';

describe('ApiClient', () => {
  let server: ReturnType<typeof createHttpServer>;
  let client: ApiClient;
  const seen: { method?: string; url?: string; headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createHttpServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        if (request.url === '/refused') {
          response
            .writeHead(409, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: 'lot_code_taken', message: 'taken', details: { field: 'lotCode' } }));
        } else if (request.url === '/page') {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>黄金柰李</h1>');
        } else {
          response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'B-1' }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { idempotencyKeyPrefix: 'demo-run-' });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers any status through call, JSON parsed and anything else as text', async () => {
    expect(await client.call('POST', '/refused', { key: 'k' })).toMatchObject({ status: 409, body: { code: 'lot_code_taken' } });
    expect(await client.call('GET', '/page')).toMatchObject({ status: 200, body: '<h1>黄金柰李</h1>' });
  });

  it('sends the key, the JSON body and the prefixed Idempotency-Key', async () => {
    expect(await client.post('/api/batches', 'sy_key', { lotCode: 'LC1' }, 'plumA-register')).toEqual({ id: 'B-1' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer sy_key', 'content-type': 'application/json', 'idempotency-key': 'demo-run-plumA-register' },
      body: '{"lotCode":"LC1"}',
    });
  });

  it('throws an ApiError naming the call and the refusal where a success was expected', async () => {
    const refused = client.send('POST', '/refused', { key: 'k', body: {} });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(client.send('POST', '/refused', { key: 'k', body: {} })).rejects.toMatchObject({
      status: 409,
      code: 'lot_code_taken',
      message: 'POST /refused failed: 409 lot_code_taken: taken {"field":"lotCode"}',
    });
  });

  it('says which server it could not reach', async () => {
    const closed: Server = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new ApiClient(`http://127.0.0.1:${port}`).get('/health', 'k')).rejects.toThrow(
      `cannot reach the Suyuan server at http://127.0.0.1:${port}`,
    );
  });
});
