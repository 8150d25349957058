import { PLANT, blend, giftBox, leafA } from '../lineage/lineage.fixtures';
import { traceBounds } from './bounds';
import { toCsv } from './csv';
import { traceBack } from './trace-back';
import { traceBackCsv, traceForwardCsv } from './trace-csv';
import { traceForward } from './trace-forward';
import { COOP_A, HUB, SHOP, giftItems, regulator, teaFactory, traceStore } from './trace.fixtures';

const docs = traceStore();

/** RFC 4180 as a spreadsheet reads it: each row's cells by column title (its English part). */
function parse(csv: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\r' && csv[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  const [header, ...body] = rows;
  const names = header.map((h) => h.split(' ')[0]);
  return body.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]])));
}

describe('trace CSV', () => {
  it('is UTF-8 with a byte-order mark and CRLF lines, quoting what needs it and showing formulas as text', () => {
    const csv = toCsv([
      { record: 'lot', event: 'harvesting', product: '乐昌白毛茶, "特级"', location: '=HYPERLINK("http://x")', quantity: -1.5 },
    ]);
    expect(csv.startsWith('\uFEFFrecord 记录,event 环节,traceability_lot_code 批次号,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(parse(csv.slice(1))).toEqual([
      expect.objectContaining({ product: '乐昌白毛茶, "特级"', location: `'=HYPERLINK("http://x")`, quantity: '-1.5', batch_id: '' }),
    ]);
  });

  it('traces back one row per step of each lot with its key data elements and who recorded it, and one per transformation', async () => {
    const code = giftItems[0][0].code;
    const rows = parse((await traceBackCsv(docs, await traceBack(docs, regulator, { item: code }, traceBounds({})))).slice(1));
    expect(rows[0]).toMatchObject({ record: 'unit', event: 'traced_from', unit_code: code, batch_id: giftBox.batchId });
    expect(rows.find((r) => r.event === 'harvesting' && r.batch_id === leafA.batchId)).toMatchObject({
      traceability_lot_code: 'LVA-0410',
      product: '茶青',
      quantity: '100',
      unit_of_measure: 'kg',
      location: '北乡村茶园1号地块',
      date: '2026-04-10T00:00:00.000Z',
      reference_document: 'hv-a',
      lot_code_source: '乐昌市北乡茶叶专业合作社 · 北乡村茶园1号地块',
      organization_id: COOP_A,
      key_id: `key-${COOP_A}`,
    });
    expect(rows.find((r) => r.event === 'farm_input')?.details).toBe(
      '吡虫啉可湿性粉剂; imidacloprid; pesticide; safety interval 14 d, safe from 2026-04-03T00:00:00.000Z',
    );
    expect(rows.find((r) => r.event === 'testing')).toMatchObject({ quantity: '12.5', unit_of_measure: '%', reference_document: 'S-A-1' });
    expect(rows.find((r) => r.event === 'initial_packing' && r.batch_id === giftBox.batchId)).toMatchObject({
      quantity: '6',
      unit_of_measure: 'piece',
      location: '白毛茶加工车间',
      location_id: PLANT,
    });
    expect(rows.find((r) => r.record === 'transformation' && r.batch_id === blend.batchId)).toMatchObject({
      event: 'transformation',
      traceability_lot_code: 'TEA-0412',
      location: '白毛茶加工车间',
      details: '从'.length
        ? expect.stringContaining('tea_processing, from LVA-0410 100 kg, LVB-0410 60 kg; 杀青 temperatureC=260 minutes=3')
        : '',
    });
  });

  it('shows a lot the reader may not read whole on one row, without its steps', async () => {
    const code = giftItems[0][0].code;
    const rows = parse((await traceBackCsv(docs, await traceBack(docs, teaFactory, { item: code }, traceBounds({})))).slice(1));
    expect(rows.filter((r) => r.batch_id === leafA.batchId)).toEqual([expect.objectContaining({ record: 'lot', event: 'restricted' })]);
  });

  it('traces forward one row per lot, per shipment leg and per unit where it is now', async () => {
    const trace = await traceForward(docs, regulator, { lot: leafA.batchId }, traceBounds({}));
    const rows = parse((await traceForwardCsv(docs, trace)).slice(1));
    expect(rows.filter((r) => r.record === 'lot').map((r) => r.event)).toEqual([
      'traced_from',
      'made_from_traced',
      'made_from_traced',
      'made_from_traced',
    ]);
    expect(rows.filter((r) => r.record === 'shipment').map((r) => `${r.reference_document} ${r.event}`)).toEqual([
      'SH-1 shipping',
      'SH-1 receiving',
      'SH-2 shipping',
      'SH-2 receiving',
      'SH-2 delivery',
      'SH-3 shipping',
      'SH-4 shipping',
      'SH-4 receiving',
    ]);
    const units = rows.filter((r) => r.record === 'unit');
    expect(units).toHaveLength(10);
    expect(units[0]).toMatchObject({
      event: 'delivered',
      unit_code: giftItems[0][0].code,
      traceability_lot_code: giftBox.lotCode,
      product: '乐昌白毛茶',
      quantity: '0.25',
      unit_of_measure: 'kg',
      location: SHOP,
      lot_code_source: '乐昌市白毛茶加工厂 · 白毛茶加工车间',
    });
    expect(units[8]).toMatchObject({ event: 'at_facility', location: '乐昌市县级物流中心', location_id: HUB });
  });
});
