export interface WriteRoute {
  method: string;
  /** As the OpenAPI document names it, e.g. `/api/batches/{id}/grading`. */
  template: string;
  /** With its parameters filled in. */
  path: string;
}

/**
 * Every write route the running app documents in its OpenAPI document, so that a new route
 * is covered without anyone listing it; path parameters are filled from `ids` by name, `X`
 * where there is none.
 */
export async function writeRoutes(baseUrl: string, ids: Record<string, string> = {}, methods = ['post', 'delete']): Promise<WriteRoute[]> {
  const spec = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([template, operations]) =>
    Object.keys(operations)
      .filter((method) => methods.includes(method))
      .map((method) => ({
        method: method.toUpperCase(),
        template,
        path: template.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'X'),
      })),
  );
}
