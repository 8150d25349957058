import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { readmeScript, runnableBlocks } from './support/readme-script';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

jest.setTimeout(60_000);

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
/** What the step-by-step guide names, read back to check its outcome. */
const VARIABLES = ['BATCH', 'CODE', 'CARTON', 'TO_VILLAGE', 'VILLAGE', 'LEAVES', 'TEA_PRODUCT'];

interface Outcome {
  exitCode: number;
  output: string;
  failure?: { readmeLine: number; command: string; answer: string };
  vars: Record<string, string>;
}

/** Runs the README's runnable blocks in one bash session against the server at `baseUrl`. */
async function runReadme(baseUrl: string, dir: string): Promise<Outcome> {
  const files = { failure: join(dir, 'failure'), answer: join(dir, 'answer'), vars: join(dir, 'vars') };
  const { script, readmeLine } = readmeScript(runnableBlocks(README), files, VARIABLES);
  writeFileSync(join(dir, 'readme.sh'), script);
  const env: NodeJS.ProcessEnv = {
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    HOME: dir,
    LANG: 'C.UTF-8',
    SUYUAN_URL: baseUrl,
    SUYUAN_ADMIN_KEY: ADMIN_KEY,
  };
  const child = spawn('bash', ['readme.sh'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));

  const vars = existsSync(files.vars)
    ? Object.fromEntries(
        readFileSync(files.vars, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      )
    : {};
  if (!existsSync(files.failure)) return { exitCode, output, vars };
  const [line, ...command] = readFileSync(files.failure, 'utf8').trimEnd().split('\n');
  const answer = existsSync(files.answer) ? readFileSync(files.answer, 'utf8') : '';
  return {
    exitCode,
    output,
    vars,
    failure: { readmeLine: commandStart(readmeLine(Number(line)), command.join('\n')), command: command.join('\n'), answer },
  };
}

/** The README line a command starts on: bash may report one of its continuation lines. */
function commandStart(reported: number, command: string): number {
  const lines = README.split('\n');
  const head = command.split('\n')[0].slice(0, 24);
  for (let n = reported; n > 0 && n > reported - 40; n--) {
    const text = lines[n - 1]?.trim() ?? '';
    if (text.length > 0 && head.startsWith(text.slice(0, Math.min(24, text.length)))) return n;
  }
  return reported;
}

const get = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as any };
};

describe('the README, followed literally on a fresh server', () => {
  let app: TestApp;
  let dir: string;
  let outcome: Outcome;

  beforeAll(async () => {
    app = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'suyuan-readme-'));
    outcome = await runReadme(app.baseUrl, dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every command of its step-by-step guide, each answered 2xx', () => {
    if (outcome.failure) {
      const { readmeLine, command, answer } = outcome.failure;
      throw new Error(
        `README.md:${readmeLine} failed:\n${command}\nanswer: ${answer.trim() || '(none)'}\n--- output (last 1,000 characters)\n${outcome.output.slice(-1000)}`,
      );
    }
    expect(outcome.exitCode).toBe(0);
  });

  it('ends with the item scanning, delivered, compliant with the standard and carrying the brand', async () => {
    const { CODE, BATCH } = outcome.vars;
    expect(CODE).toMatch(/\S/);
    const scan = await get(`${app.baseUrl}/t/${CODE}`, { accept: 'application/json' });
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({ code: CODE, status: 'delivered', batch: { id: BATCH, lotCode: 'LC20260715A' } });
    expect(scan.body.compliance).toMatchObject({ status: 'compliant', brand: expect.objectContaining({ brand: '乐昌农品' }) });
    expect(scan.body.certificate.issuedAt).toBe('2026-07-15T03:30:00.000Z');
  });

  it('judges the batch compliant on every rule, certified for the brand', async () => {
    const verdict = await get(`${app.baseUrl}/api/compliance/batches/${outcome.vars.BATCH}`, { authorization: `Bearer ${ADMIN_KEY}` });
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ status: 'compliant', brand: { status: 'certified', brand: '乐昌农品' } });
    expect(verdict.body.rules.filter((r: { status: string }) => r.status !== 'met')).toEqual([]);
  });

  it('records the delivery at the village point, of the carton that was packed', async () => {
    const { TO_VILLAGE, VILLAGE, CARTON } = outcome.vars;
    const shipment = await get(`${app.baseUrl}/api/shipments/${TO_VILLAGE}`, { authorization: `Bearer ${ADMIN_KEY}` });
    expect(shipment.status).toBe(200);
    expect(shipment.body).toMatchObject({ status: 'delivered', to: { id: VILLAGE }, cartonIds: [CARTON], recipient: '茶料村便民店' });
  });

  it('weighs the tea garden’s leaves and the tea made from them in the mass balance, as it says', async () => {
    const { LEAVES, TEA_PRODUCT } = outcome.vars;
    const rows = (await get(`${app.baseUrl}/api/mass-balance?season=2026`, { authorization: `Bearer ${ADMIN_KEY}` })).body.rows;
    const row = (productId: string) => rows.find((r: { product: { id: string } }) => r.product.id === productId);
    expect(row(LEAVES)).toMatchObject({
      county: '乐昌市',
      capacity: { kg: 9000, areaMu: 30, plots: 1 },
      harvested: { kg: 100 },
      boughtFromOrganizations: { kg: 100 },
      boughtFromHouseholds: { kg: 20 },
      consumed: { kg: 100 },
      flags: [],
    });
    expect(row(TEA_PRODUCT)).toMatchObject({ capacity: { kg: 1800, areaMu: 30, plots: 1 }, produced: { kg: 18 }, flags: [] });
  });
});
