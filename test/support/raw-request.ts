import { IncomingHttpHeaders, request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /**
   * `chunked`: sent in 16 KB chunks without a Content-Length, until the server answers;
   * `announced`: only the headers, with the body's Content-Length, and no byte of the body
   * (a server that answers has refused it without reading).
   */
  framing?: 'length' | 'chunked' | 'announced';
}

const CHUNK = 16 * 1024;

/**
 * One request on its own connection, framed as asked; resolves with the answer as soon as
 * it has come, whatever happens to the rest of the body (a server refusing a body closes
 * the connection while the client may still be writing).
 */
export function sendRaw(url: string, r: RawRequest): Promise<RawAnswer> {
  const body = r.body ?? Buffer.alloc(0);
  const framing = r.framing ?? 'length';
  const headers = {
    ...r.headers,
    ...(framing === 'chunked' ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.length) }),
  };
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: r.method ?? 'POST', headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (framing === 'announced') return req.flushHeaders();
    if (framing === 'length') return req.end(body);
    // The last chunk goes with the end of the body, so that nothing is left to write once
    // the server has what it needs to answer (a write after it closed would lose the answer).
    let offset = 0;
    const write = () => {
      while (!answered) {
        const chunk = body.subarray(offset, (offset += CHUNK));
        if (offset >= body.length) return req.end(chunk);
        if (!req.write(chunk)) return req.once('drain', write);
      }
    };
    write();
  });
}
