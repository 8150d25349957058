/**
 * A matrix written as a text table, so that the expected outcome of every pair can be read at a
 * glance: the first line names the columns, every further line names its row and gives one cell
 * per column, all separated by `|`. Blank lines are skipped.
 */
export interface Matrix {
  columns: string[];
  rows: string[];
  /** One [row, column, cell] per cell, row by row: what `it.each` takes, so a failing cell names itself. */
  cells: [string, string, string][];
}

export function matrix(table: string): Matrix {
  const lines = table
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => cells.some((cell) => cell !== ''));
  const [header, ...body] = lines;
  const columns = header.slice(1);
  const cells: [string, string, string][] = [];
  for (const [row, ...values] of body) {
    if (values.length !== columns.length) throw new Error(`row "${row}" has ${values.length} cells for ${columns.length} columns`);
    values.forEach((value, i) => cells.push([row, columns[i], value]));
  }
  return { columns, rows: body.map(([row]) => row), cells };
}
