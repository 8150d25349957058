/** A minimal JSON client for seeding: any non-2xx answer stops the bench with its body. */
export function api(baseUrl: string) {
  return async function call<T = any>(method: string, path: string, key: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 500)}`);
    // Empty on the no-compliance baseline, whose standards read model a publish answers from is absent.
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export type Api = ReturnType<typeof api>;
