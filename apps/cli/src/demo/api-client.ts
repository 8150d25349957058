/** A non-2xx answer: the demo stops on the first one and says exactly which call failed. */
export class DemoHttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly serverMessage: string,
    readonly details?: unknown,
  ) {
    const extra = details === undefined ? '' : ` ${JSON.stringify(details)}`;
    super(`${method} ${path} failed: ${status}${code ? ` ${code}` : ''}: ${serverMessage}${extra}`);
    this.name = 'DemoHttpError';
  }
}

/**
 * The public HTTP API as any client sees it. Writes named by a step carry an Idempotency-Key
 * made of the run id and the step, so re-running a run id replays instead of duplicating.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly runId: string,
  ) {}

  get<T>(path: string, key: string): Promise<T> {
    return this.call<T>('GET', path, key);
  }

  post<T>(path: string, key: string, body: unknown, step?: string): Promise<T> {
    return this.call<T>('POST', path, key, body, step);
  }

  private async call<T>(method: string, path: string, key: string, body?: unknown, step?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (step) headers['idempotency-key'] = `demo-${this.runId}-${step}`;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? String(error);
      throw new Error(`${method} ${path}: cannot reach the Suyuan server at ${this.baseUrl} (${reason}); is it running? (set SUYUAN_URL)`);
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      const err = (parsed ?? {}) as { code?: string; message?: unknown; details?: unknown };
      const message = Array.isArray(err.message) ? err.message.join('; ') : String(err.message ?? (text || response.statusText));
      throw new DemoHttpError(method, path, response.status, err.code, message, err.details);
    }
    return parsed as T;
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
