import * as core from '@suyuan/core';
import type { ColdChainSummary } from '../passport/item-passport';
import { escapeHtml } from './escape';
import { formatDateTime, formatNumber } from './format';

/** Bound once: a call through the entry point's re-exports would pass their getters every time. */
const { parseIsoMs } = core;

const WIDTH = 320;
const HEIGHT = 112;
/** The plot inside the axes' labels: temperatures on the left, times below. */
const LEFT = 36;
const RIGHT = 314;
const TOP = 6;
const BOTTOM = 92;
/** Temperature labels closer than this (viewBox units) would overlap: the later one is left out. */
const LABEL_GAP = 12;

/**
 * The temperature over time, each segment's required range shaded behind it, so an excursion
 * shows as the line leaving the band (its readings dotted red); the temperatures that matter
 * (the bands' edges, the lowest and highest reading) on the left, the first and last times
 * below. Scaled as a whole, so its text stays readable at 360 px. Coordinates are whole
 * viewBox units: finer would not show, and rounding is several times cheaper than toFixed.
 */
export function renderSparkline(coldChain: ColdChainSummary, label: string): string {
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
  for (const s of coldChain.segments) {
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
  const readLow = low;
  const readHigh = high;
  for (const b of bands) {
    if (b.minC < low) low = b.minC;
    if (b.maxC > high) high = b.maxC;
  }
  if (high - low < 1) high = low + 1;

  const x = (ms: number) => (span > 0 ? LEFT + ((ms - start) / span) * (RIGHT - LEFT) : LEFT);
  const y = (c: number) => BOTTOM - ((c - low) / (high - low)) * (BOTTOM - TOP);

  const parts: string[] = [`<svg class="spark" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(label)}">`];
  for (const b of bands) {
    const top = Math.round(y(b.maxC));
    parts.push(
      `<rect x="${Math.round(x(b.x0))}" y="${top}" width="${Math.round(x(b.x1) - x(b.x0))}" height="${Math.round(y(b.minC)) - top}" fill="#d9ecf7"/>`,
    );
  }
  parts.push(`<path d="M${LEFT} ${TOP}V${BOTTOM}H${RIGHT}" fill="none" stroke="#9aa79c"/>`);

  // The bands' edges first: the range is what a reader compares against.
  const shown: number[] = [];
  for (const c of [...bands.flatMap((b) => [b.minC, b.maxC]), readLow, readHigh]) {
    if (shown.some((s) => Math.abs(y(s) - y(c)) < LABEL_GAP)) continue;
    shown.push(c);
    parts.push(`<text x="${LEFT - 3}" y="${Math.round(y(c)) + 3}" text-anchor="end">${temperature(c)}</text>`);
  }
  const end = start + span;
  parts.push(`<text x="${LEFT}" y="${HEIGHT - 4}">${escapeHtml(shortTime(chart[0].at))}</text>`);
  if (span > 0)
    parts.push(`<text x="${RIGHT}" y="${HEIGHT - 4}" text-anchor="end">${escapeHtml(shortTime(chart[chart.length - 1].at))}</text>`);

  // A single reading has no extent in time: drawn as a level line across the chart.
  const points =
    span > 0
      ? chart.map((p, i) => `${Math.round(x(times[i]))},${Math.round(y(p.c))}`).join(' ')
      : `${LEFT},${Math.round(y(chart[0].c))} ${RIGHT},${Math.round(y(chart[0].c))}`;
  parts.push(`<polyline points="${points}" fill="none" stroke="#2a5d9f" stroke-width="2" stroke-linejoin="round"/>`);
  chart.forEach((p, i) => {
    const band = bands.find((b) => times[i] >= b.x0 && (times[i] < b.x1 || b.x1 === end));
    if (band && (p.c < band.minC || p.c > band.maxC)) {
      parts.push(`<circle cx="${Math.round(x(times[i]))}" cy="${Math.round(y(p.c))}" r="2.5" fill="#b3261e"/>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

function temperature(c: number): string {
  return `${formatNumber(c).replace('-', '−')}°C`;
}

/** `12-04 06:40`: the year is the page's, the hour is what tells the stops apart. */
function shortTime(iso: string): string {
  return formatDateTime(iso).slice(5);
}
