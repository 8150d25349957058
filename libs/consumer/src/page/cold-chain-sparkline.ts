import * as core from '@suyuan/core';
import type { ColdChainSummary } from '../passport/item-passport';
import { escapeHtml } from './escape';

/** Bound once: a call through the entry point's re-exports would pass their getters every time. */
const { parseIsoMs } = core;

const WIDTH = 300;
const HEIGHT = 80;
const PAD = 4;

/**
 * The chart points as a line over time, each segment's required range shaded behind it,
 * so an excursion shows as the line leaving the band. Stretched to the full width; the
 * stroke keeps its thickness. Coordinates are whole viewBox units (about a pixel at 80 px
 * high): finer would not show, and rounding is several times cheaper than toFixed.
 */
export function renderSparkline(coldChain: ColdChainSummary, label: string): string {
  const { segments } = coldChain;
  const times: number[] = [];
  const chart: ColdChainSummary['chart'] = [];
  for (const point of coldChain.chart) {
    const ms = parseIsoMs(point.at);
    if (Number.isNaN(ms) || !Number.isFinite(point.c)) continue;
    times.push(ms);
    chart.push(point);
  }
  if (chart.length === 0) return '';
  const start = times[0];
  const span = times[times.length - 1] - start;

  const bands: { x0: number; x1: number; minC: number; maxC: number }[] = [];
  for (const s of segments) {
    if (!s.range) continue;
    const x0 = Math.max(parseIsoMs(s.from), start);
    const x1 = s.to === undefined ? start + span : Math.min(parseIsoMs(s.to), start + span);
    // NaN bounds fail this test too.
    if (x1 > x0) bands.push({ x0, x1, minC: s.range.minC, maxC: s.range.maxC });
  }

  let low = Infinity;
  let high = -Infinity;
  for (const p of chart) {
    if (p.c < low) low = p.c;
    if (p.c > high) high = p.c;
  }
  for (const b of bands) {
    if (b.minC < low) low = b.minC;
    if (b.maxC > high) high = b.maxC;
  }
  if (high - low < 1) high = low + 1;

  const x = (ms: number) => ((ms - start) / span) * WIDTH;
  const y = (c: number) => HEIGHT - PAD - ((c - low) / (high - low)) * (HEIGHT - 2 * PAD);

  const parts: string[] = [
    `<svg class="spark" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">`,
  ];
  for (const b of bands) {
    const top = y(b.maxC);
    parts.push(
      `<rect x="${Math.round(x(b.x0))}" y="${Math.round(top)}" width="${Math.round(x(b.x1) - x(b.x0))}" height="${Math.round(y(b.minC) - top)}" fill="#d9ecf7"/>`,
    );
  }
  // A single reading has no extent in time: drawn as a level line across the chart.
  const points =
    span > 0
      ? chart.map((p, i) => `${Math.round(x(times[i]))},${Math.round(y(p.c))}`).join(' ')
      : `0,${Math.round(y(chart[0].c))} ${WIDTH},${Math.round(y(chart[0].c))}`;
  parts.push(
    `<polyline points="${points}" fill="none" stroke="#2a5d9f" stroke-width="2" stroke-linejoin="round" vector-effect="non-scaling-stroke"/></svg>`,
  );
  return parts.join('');
}
