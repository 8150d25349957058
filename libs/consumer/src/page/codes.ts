/** A code the system wrote, in words: its label, or for a code with none, its words at least (never `snake_case`). */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code.replace(/[_:]+/g, ' ').trim();
}
