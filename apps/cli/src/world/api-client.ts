/** One answer of the API, whatever its status: JSON parsed, anything else as text. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  /** The API key, sent as `Authorization: Bearer`. */
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Makes a write safe to send again: the server answers a repeat from its record. */
  idempotencyKey?: string;
}

/** Sends one request and resolves with the answer, whatever its status. */
export type Call = <T = any>(method: string, path: string, options?: CallOptions) => Promise<ApiResponse<T>>;

/** A non-2xx answer where a success was expected, naming the call, the refusal's code and the server's message. */
export class ApiError extends Error {
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
    this.name = 'ApiError';
  }
}

/**
 * The public HTTP API as any client sees it: the demo, the end-to-end tests and the benchmarks.
 * `call` answers whatever the status (a test asserts refusals); `send`, `get` and `post` return
 * the body of a success and throw an ApiError on anything else (a script stops at the first).
 * With `idempotencyKeyPrefix` every Idempotency-Key sent starts with it, so that a re-run of
 * one run replays its writes instead of making twins.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly options: { idempotencyKeyPrefix?: string } = {},
  ) {}

  readonly call: Call = async <T>(method: string, path: string, options: CallOptions = {}) => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = `${this.options.idempotencyKeyPrefix ?? ''}${options.idempotencyKey}`;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? String(error);
      throw new Error(`${method} ${path}: cannot reach the Suyuan server at ${this.baseUrl} (${reason}); is it running?`, { cause: error });
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const body = type.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, body: body as T, headers: response.headers };
  };

  async send<T = any>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    return successBody(method, path, await this.call<T>(method, path, options));
  }

  get<T = any>(path: string, key: string): Promise<T> {
    return this.send<T>('GET', path, { key });
  }

  post<T = any>(path: string, key: string, body: unknown, idempotencyKey?: string): Promise<T> {
    return this.send<T>('POST', path, { key, body, idempotencyKey });
  }
}

/** The body of a 2xx answer; anything else is an ApiError. */
export function successBody<T>(method: string, path: string, answer: ApiResponse<T>): T {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const err = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as {
    code?: string;
    message?: unknown;
    details?: unknown;
  };
  const message = Array.isArray(err.message) ? err.message.join('; ') : String(err.message ?? (String(answer.body ?? '') || answer.status));
  throw new ApiError(method, path, answer.status, err.code, message, err.details);
}
