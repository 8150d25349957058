/** A fenced block of the README, and the README line its first command is on. */
export interface ReadmeBlock {
  line: number;
  lines: string[];
}

/**
 * The README's runnable blocks, in order: every ```bash block but those marked ```bash norun
 * (installing, the demo, Docker, the benchmarks).
 */
export function runnableBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(.*)$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.trimEnd() === '```');
    if (end < 0) throw new Error(`README line ${i + 1}: a code block is never closed`);
    if (fence[1].trim() === 'bash') blocks.push({ line: i + 2, lines: lines.slice(i + 1, end) });
    i = end;
  }
  return blocks;
}

/** Where the harness leaves what it learned: the failing command, the last answer, the variables. */
export interface ScriptFiles {
  failure: string;
  answer: string;
  vars: string;
}

/**
 * The blocks as one bash script, and the README line of each of its lines. The harness before
 * them stops at the first failing command and records it (the DEBUG trap sees top-level
 * commands only: the README's own, not the lines inside its helpers), makes every curl fail
 * on an HTTP error and keeps its last answer, and at the end, however it ends, writes out the
 * named variables.
 */
export function readmeScript(
  blocks: ReadmeBlock[],
  files: ScriptFiles,
  variables: string[],
): { script: string; readmeLine: (line: number) => number } {
  const prelude = [
    'set -eo pipefail',
    `README_ANSWER=${quote(files.answer)} README_FAILURE=${quote(files.failure)} README_VARS=${quote(files.vars)}`,
    'curl() { command curl --fail-with-body "$@" | tee "$README_ANSWER"; return "${PIPESTATUS[0]}"; }',
    'readme_exit() {',
    '  local status=$?',
    `  [ $status -eq 0 ] || printf '%s\\n%s\\n' "$README_LINE" "$README_COMMAND" > "$README_FAILURE"`,
    `  for name in ${variables.join(' ')}; do printf '%s=%s\\n' "$name" "\${!name}"; done > "$README_VARS"`,
    '}',
    "trap 'README_COMMAND=$BASH_COMMAND README_LINE=$LINENO' DEBUG",
    'trap readme_exit EXIT',
  ];
  const lines = [...prelude];
  const origin: number[] = prelude.map(() => 0);
  for (const block of blocks) {
    block.lines.forEach((text, k) => {
      lines.push(text);
      origin.push(block.line + k);
    });
  }
  return { script: lines.join('\n') + '\n', readmeLine: (line) => origin[line - 1] ?? 0 };
}

const quote = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;
