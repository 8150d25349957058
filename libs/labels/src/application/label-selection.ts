import { docKey, DocumentStore } from '@suyuan/readmodels';
import { conflict, forbidden, invalid, notFound } from '@suyuan/core';
import { BatchView, ItemView } from '@suyuan/production';
import { normalizeItemCode } from '@suyuan/codes';
import { LabelRange, LabelSelection } from '../domain/events';
import { MAX_LABELS_PER_JOB, tooMany } from '../domain/print.decider';

/**
 * What a print request names: a packing, some cartons or some codes of the batch; none of them,
 * the whole batch. `offset` and `count`: one page of the batch's or packing's labels.
 */
export interface SelectionInput {
  packingId?: string;
  cartonIds?: string[];
  codes?: string[];
  offset?: number;
  count?: number;
}

export function selectionOf(input: SelectionInput): LabelSelection {
  const range: LabelRange | undefined =
    input.offset === undefined && input.count === undefined
      ? undefined
      : { offset: input.offset ?? 0, count: input.count ?? MAX_LABELS_PER_JOB };
  if (input.packingId !== undefined) return { kind: 'packing', packingId: input.packingId, ...(range && { range }) };
  if (input.cartonIds !== undefined) return { kind: 'cartons', cartonIds: [...new Set(input.cartonIds)] };
  if (input.codes !== undefined) return { kind: 'codes', codes: [...new Set(input.codes.map(normalizeItemCode))] };
  return { kind: 'batch', ...(range && { range }) };
}

/**
 * The batch's items a selection names, cartons together and in code order (a given list of
 * codes keeps its order). A packing or carton not of the batch is refused naming it: 404 when
 * it is nobody's, 403 when it is another batch's; a selection over the job limit is refused
 * from the batch's counts, before a single item is read, unless it asks for one page of them.
 * Voided codes are left out of a batch, packing or carton, and refused when named.
 */
export async function selectedItems(docs: DocumentStore, batch: BatchView, selection: LabelSelection): Promise<ItemView[]> {
  switch (selection.kind) {
    case 'batch':
      if (!selection.range && batch.itemCount > MAX_LABELS_PER_JOB) throw tooMany(batch.itemCount);
      return page(inCartonOrder(standing(await docs.find<ItemView>('items', { batchId: batch.id }))), selection.range);
    case 'packing': {
      const packing = batch.packings.find((p) => p.packingId === selection.packingId);
      if (!packing) throw notFound('packing_not_found', `batch ${batch.id} has no packing ${selection.packingId}`, { field: 'packingId' });
      if (!selection.range && packing.itemCount > MAX_LABELS_PER_JOB) throw tooMany(packing.itemCount);
      const items = inCartonOrder(standing(await docs.find<ItemView>('items', { batchId: batch.id, packingId: packing.packingId })));
      return page(items, selection.range);
    }
    case 'cartons':
      return inCartonOrder(standing(await cartonItems(docs, batch, selection.cartonIds)));
    case 'codes':
      return codeItems(docs, batch, selection.codes);
  }
}

async function cartonItems(docs: DocumentStore, batch: BatchView, cartonIds: string[]): Promise<ItemView[]> {
  const own = new Set(batch.packings.flatMap((p) => p.cartonIds));
  const foreign = cartonIds.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    const found = await docs.getMany(foreign.map((id) => ({ collection: 'cartons', id })));
    const unknown = foreign.filter((id) => !found.get(docKey('cartons', id)));
    if (unknown.length > 0) throw notFound('unknown_cartons', `no cartons ${unknown.join(', ')}`, { cartonIds: unknown });
    throw forbidden(
      'cartons_of_another_batch',
      `cartons ${foreign.join(', ')} are not of batch ${batch.id}: print them from their own batch`,
      {
        cartonIds: foreign,
      },
    );
  }
  const items: ItemView[] = [];
  for (const cartonId of cartonIds) {
    items.push(...(await docs.find<ItemView>('items', { batchId: batch.id, cartonId })));
    if (items.length > MAX_LABELS_PER_JOB) throw tooMany(items.length);
  }
  return items;
}

async function codeItems(docs: DocumentStore, batch: BatchView, codes: string[]): Promise<ItemView[]> {
  if (codes.length > MAX_LABELS_PER_JOB) throw tooMany(codes.length);
  const found = await docs.getMany<ItemView>(codes.map((id) => ({ collection: 'items', id })));
  const items = codes.map((code) => found.get(docKey('items', code)));
  const unknown = codes.filter((_, i) => !items[i]);
  if (unknown.length > 0) throw notFound('unknown_items', `no items with the codes ${unknown.join(', ')}`, { codes: unknown });
  const foreign = codes.filter((_, i) => items[i]!.batchId !== batch.id);
  if (foreign.length > 0)
    throw forbidden('items_of_another_batch', `items ${foreign.join(', ')} are not of batch ${batch.id}: print them from their own batch`, {
      codes: foreign,
    });
  const voided = (items as ItemView[]).filter((item) => item.voided);
  if (voided.length > 0)
    throw conflict(
      'code_voided',
      `codes ${voided.map((i) => `${i.code} (voided ${i.voided!.at})`).join(', ')} are voided: print their replacements' codes`,
      { codes: voided.map((i) => i.code) },
    );
  return items as ItemView[];
}

/** One page of the print order; a page past its end is refused, naming how many labels there are. */
function page(items: ItemView[], range: LabelRange | undefined): ItemView[] {
  if (!range) return items;
  if (range.offset >= items.length)
    throw invalid('offset_past_end', `offset ${range.offset} is past the last of the selection's ${items.length} labels`, {
      field: 'offset',
      count: items.length,
    });
  return items.slice(range.offset, range.offset + range.count);
}

/** A voided code's label is never printed again: its item is printed under the code that replaced it. */
function standing(items: ItemView[]): ItemView[] {
  return items.filter((item) => !item.voided);
}

function inCartonOrder(items: ItemView[]): ItemView[] {
  return items.sort((a, b) => (a.cartonId === b.cartonId ? compare(a.code, b.code) : compare(a.cartonId, b.cartonId)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
