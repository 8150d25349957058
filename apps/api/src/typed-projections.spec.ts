import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Projections take their events typed (`Projection<E>`, narrowed on `event.type`): a cast of an
 * event's data or metadata in projection code would let a payload drift from its event type
 * unseen. Projection code is every `*.projection.ts` and the modules of its library it imports.
 */
const LIBS = resolve(__dirname, '../../../libs');
const CAST = /\.(data|metadata)\)?\s+as\s/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const projectionFiles = sources(LIBS).filter((file) => file.endsWith('.projection.ts'));

function projectionCode(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), path);
      visit(existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'));
    }
  };
  projectionFiles.forEach(visit);
  return [...seen];
}

describe('projections', () => {
  it('are found where the read models take them from', () => {
    const names = projectionFiles.map((file) => relative(LIBS, file));
    expect(names).toEqual(
      expect.arrayContaining(['production/src/batch.projection.ts', 'standards/src/compliance/compliance.projection.ts']),
    );
    expect(projectionCode()).toContain(join(LIBS, 'standards/src/compliance/batch-facts.fold.ts'));
  });

  it('cast no event data or metadata', () => {
    expect(CAST.test("const d = event.data as BatchPacked['data'];")).toBe(true);
    expect(CAST.test('(event.metadata as EventMetadata).occurredAt')).toBe(true);
    const casts = projectionCode().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (CAST.test(line) ? [`${relative(LIBS, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(casts).toEqual([]);
  });

  it('each have a spec beside them', () => {
    const unspecified = projectionFiles
      .filter((file) => !existsSync(file.replace(/\.ts$/, '.spec.ts')))
      .map((file) => relative(LIBS, file));
    expect(unspecified).toEqual([]);
  });
});
