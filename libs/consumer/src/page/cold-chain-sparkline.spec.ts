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
    expect(svg).toMatch(/^<svg class="spark" viewBox="0 0 300 80" preserveAspectRatio="none" role="img" aria-label="chart">/);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    const points = /points="([^"]+)"/.exec(svg)![1].split(' ');
    expect(points).toHaveLength(12);
    const ys = points.map((p) => Number(p.split(',')[1]));
    // The warmest reading is drawn highest (SVG y grows downwards), at the top padding.
    expect(Math.min(...ys)).toBe(ys[9]);
    expect(ys[9]).toBe(4);
  });

  it('draws nothing without readings and a level line for one reading', () => {
    expect(renderSparkline(summarizeColdChain([], new Map()), 'chart')).toBe('');
    const one = summarizeColdChain(
      [{ facilityId: 'S', facilityName: '冷库', from: at(0) }],
      new Map([['S', loggers([{ at: at(5), temperatureC: 1 }])]]),
    );
    expect(renderSparkline(one, 'chart')).toContain('points="0,');
  });

  it('leaves out a point it cannot place', () => {
    const broken = { ...summary, chart: [...summary.chart, { at: 'later', c: 1 }, { at: at(130), c: NaN }] };
    const svg = renderSparkline(broken, 'chart');
    expect(svg).not.toContain('NaN');
    expect(/points="([^"]+)"/.exec(svg)![1].split(' ')).toHaveLength(12);
  });
});
