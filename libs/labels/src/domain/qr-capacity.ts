/** Error-correction levels, weakest first: L ≈ 7 %, M ≈ 15 %, Q ≈ 25 %, H ≈ 30 % of the symbol may be lost. */
export const EC_LEVELS = ['L', 'M', 'Q', 'H'] as const;
export type EcLevel = (typeof EC_LEVELS)[number];

/**
 * Bytes a QR symbol holds in byte mode, by version (1–20) and level (ISO/IEC 18004, table 7).
 * Byte mode is the worst case for a URL: the encoder may pack parts tighter, never looser.
 */
const BYTE_CAPACITY: Record<EcLevel, readonly number[]> = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382],
};

/** The smallest version holding `bytes` at `level`, or undefined past version 20 (too dense for a label). */
export function qrVersionFor(bytes: number, level: EcLevel): number | undefined {
  const at = BYTE_CAPACITY[level].findIndex((capacity) => capacity >= bytes);
  return at < 0 ? undefined : at + 1;
}

/** Modules on a side of a symbol of that version, quiet zone not counted. */
export const qrModules = (version: number) => 17 + 4 * version;
