import { loggers } from '../cold-chain/cold-chain.fixtures';
import { summarizeColdChain } from '../cold-chain/cold-chain-summary';
import { renderSparkline } from './cold-chain-sparkline';

const at = (minutes: number) => new Date(Date.parse('2026-06-13T00:00:00Z') + minutes * 60_000).toISOString();

describe('renderSparkline', () => {
  const summary = summarizeColdChain(
    [
      { facilityId: 'S', facilityName: '冷库', from: at(0), to: at(60), range: { minC: -1, maxC: 0 } },
      { facilityId: 'V', facilityName: '冷链车', from: at(60), to: at(120), range: { minC: 0, maxC: 3 } },
    ],
    new Map([
      ['S', loggers([0, 10, 20, 30, 40, 50].map((m) => ({ at: at(m), temperatureC: -0.5 })))],
      ['V', loggers([60, 70, 80, 90, 100, 110].map((m) => ({ at: at(m), temperatureC: m === 90 ? 6 : 2 })))],
    ]),
  );
  const svg = renderSparkline(summary, 'chart');

  it('draws each point and shades each segment range', () => {
    expect(svg).toMatch(/^<svg class="spark" viewBox="0 0 320 112" role="img" aria-label="chart">/);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    const points = /points="([^"]+)"/.exec(svg)![1].split(' ');
    expect(points).toHaveLength(12);
    const ys = points.map((p) => Number(p.split(',')[1]));
    // The warmest reading is drawn highest (SVG y grows downwards), at the top of the plot.
    expect(Math.min(...ys)).toBe(ys[9]);
    expect(ys[9]).toBe(6);
  });

  it('marks the readings outside their segment’s range in red, and only those', () => {
    const dots = [...svg.matchAll(/<circle cx="(\d+)" cy="(\d+)"[^>]*fill="#b3261e"/g)];
    expect(dots).toHaveLength(1);
    const points = /points="([^"]+)"/.exec(svg)![1].split(' ');
    expect(`${dots[0][1]},${dots[0][2]}`).toBe(points[9]);
  });

  it('labels the temperatures on an axis (the bands’ edges, the extremes) and the first and last times', () => {
    const labels = [...svg.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['−1°C', '0°C', '3°C', '6°C', '06-13 08:00', '06-13 09:50']);
    // The lowest reading (−0.5 °C) lies too close to the store's band to be labelled apart: no two labels overlap.
    const ys = [...svg.matchAll(/<text x="33" y="(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    ys.slice(1).forEach((y, i) => expect(y - ys[i]).toBeGreaterThanOrEqual(12));
    expect(svg).toContain('<path d="M36 6V92H314"');
  });

  it('draws nothing without readings and a level line for one reading', () => {
    expect(renderSparkline(summarizeColdChain([], new Map()), 'chart')).toBe('');
    const one = summarizeColdChain(
      [{ facilityId: 'S', facilityName: '冷库', from: at(0) }],
      new Map([['S', loggers([{ at: at(5), temperatureC: 1 }])]]),
    );
    expect(renderSparkline(one, 'chart')).toMatch(/points="36,(\d+) 314,\1"/);
  });

  it('leaves out a point it cannot place', () => {
    const broken = { ...summary, chart: [...summary.chart, { at: 'later', c: 1 }, { at: at(130), c: NaN }] };
    const svg = renderSparkline(broken, 'chart');
    expect(svg).not.toContain('NaN');
    expect(/points="([^"]+)"/.exec(svg)![1].split(' ')).toHaveLength(12);
  });
});
