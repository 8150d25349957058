import { TestApp } from './test-app';

/** A GET's answer with its bytes as they came: fetch's text() drops a byte-order mark. */
export async function rawGet(app: TestApp, path: string, key: string, accept?: string) {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}`, ...(accept && { accept }) } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
