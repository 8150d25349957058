import { invalid, notFound, parseTime } from '@suyuan/core';
import { BatchView, Viewer, batchParties, batchReadRight } from '@suyuan/production';
import { DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { TraceKeyView } from '../lineage/lineage.views';
import { inputKey, plotKey, testKey } from '../lineage/trace-index.projection';
import { notAllowed, startingLot } from './traced-lots';
import { ForwardStart } from './trace.views';

/**
 * The lots a trace forward starts from: the lot named; the lots grown on a plot (harvested in
 * the range, when one is given); the lots a farm input (by name or active ingredient) was
 * applied to; the lot a test was made on. Of those, the ones the reader may read: 404 when
 * nothing is known by that name, 403 when the reader may read none of them.
 */
export async function forwardStartLots(docs: DocumentStore, viewer: Viewer, start: ForwardStart): Promise<string[]> {
  if ('lot' in start) return [(await startingLot(docs, viewer, start.lot)).id];
  if ('plot' in start) {
    const plot = await docs.get<FacilityView>('facilities', start.plot);
    if (plot?.type !== 'farm_plot') throw notFound('farm_plot_not_found', `no farm plot ${start.plot}`, { farmPlotId: start.plot });
    const inRange = harvestRange(start.from, start.to);
    const keys = (await docs.find<TraceKeyView>('traceKeys', { traceKey: plotKey(plot.id) })).filter((k) => inRange(k.at));
    return readableOf(docs, viewer, keys, `the lots of farm plot ${plot.id}`);
  }
  if ('input' in start) {
    const keys = await docs.find<TraceKeyView>('traceKeys', { traceKey: inputKey(start.input) });
    if (keys.length === 0)
      throw notFound('farm_input_not_found', `no lot had a farm input named ${start.input} or with that active ingredient`, {
        input: start.input,
      });
    return readableOf(docs, viewer, keys, `the lots farm input ${start.input} was applied to`);
  }
  const keys = await docs.find<TraceKeyView>('traceKeys', { traceKey: testKey(start.test) });
  if (keys.length === 0) throw notFound('test_not_found', `no test ${start.test}`, { testId: start.test });
  return readableOf(docs, viewer, keys, `the lot of test ${start.test}`);
}

async function readableOf(docs: DocumentStore, viewer: Viewer, keys: TraceKeyView[], what: string): Promise<string[]> {
  if (keys.length === 0) return [];
  const batches = await docs.getMany<BatchView>(keys.map((k) => ({ collection: 'batches', id: k.batchId })));
  const readable = [...batches.values()].filter((b): b is BatchView => !!b && batchReadRight(viewer, batchParties(b)) !== undefined);
  if (readable.length === 0) throw notAllowed(what);
  return readable.map((b) => b.id);
}

/**
 * Whether a lot had a harvest in the range (each end a date-time with its offset, or a day of
 * China time); without a range, every lot of the plot counts.
 */
function harvestRange(from: string | undefined, to: string | undefined): (harvests: string[]) => boolean {
  if (from === undefined && to === undefined) return () => true;
  const first = from === undefined ? -Infinity : parseTime('from', DAY.test(from) ? `${from}T00:00:00+08:00` : from);
  const last = to === undefined ? Infinity : parseTime('to', DAY.test(to) ? `${to}T23:59:59.999+08:00` : to);
  if (first > last) throw invalid('invalid_query', `from (${from}) is after to (${to})`, { field: 'from' });
  return (harvests) => harvests.some((at) => Date.parse(at) >= first && Date.parse(at) <= last);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
