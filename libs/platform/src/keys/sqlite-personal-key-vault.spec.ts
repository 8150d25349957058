import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlitePersonalKeyVault } from './sqlite-personal-key-vault';

describe('SqlitePersonalKeyVault', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'suyuan-keys-'));
    file = join(dir, 'personal-keys.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Every byte of every file in the directory, as a file name and its bytes. */
  const files = () => readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))] as const);
  /** The files holding any 8 bytes of the key in a row: a key half overwritten is not destroyed. */
  const holding = (key: Buffer) =>
    files().flatMap(([name, content]) =>
      Array.from({ length: key.length - 7 }, (_, i) => key.subarray(i, i + 8)).some((part) => content.includes(part)) ? [name] : [],
    );

  it('keeps its keys in a file only the server’s user may read, and tightens one left open', async () => {
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const vault = SqlitePersonalKeyVault.open(file);
    await vault.create('PSN-1');
    await vault.close();

    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps keys and their destruction across a restart', async () => {
    let vault = SqlitePersonalKeyVault.open(file);
    const kept = await vault.create('PSN-kept');
    await vault.create('PSN-gone');
    await vault.destroy('PSN-gone');
    await vault.close();

    vault = SqlitePersonalKeyVault.open(file);
    expect((await vault.get('PSN-kept'))?.equals(kept)).toBe(true);
    expect(await vault.get('PSN-gone')).toBeUndefined();
    await expect(vault.create('PSN-gone')).rejects.toMatchObject({ reason: 'destroyed' });
    await vault.close();
  });

  it('leaves no byte of a destroyed key in any file of its directory, while the other keys stay', async () => {
    const vault = SqlitePersonalKeyVault.open(file);
    const keys = await Promise.all(['PSN-a', 'PSN-b', 'PSN-c'].map((id) => vault.create(id)));
    expect(keys.map(holding)).toEqual([['personal-keys.sqlite'], ['personal-keys.sqlite'], ['personal-keys.sqlite']]);

    await vault.destroy('PSN-b');

    expect(keys.map(holding)).toEqual([['personal-keys.sqlite'], [], ['personal-keys.sqlite']]);
    expect(files().map(([name]) => name)).toEqual(['personal-keys.sqlite']);
    await vault.close();
    expect(holding(keys[1])).toEqual([]);
  });
});
