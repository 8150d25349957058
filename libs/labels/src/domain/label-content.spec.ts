import { CSV_HEADER, csvField, csvRow } from './csv';
import { cartonLabelLines, cartonPageUrl, groupedCode, ItemLabel, itemLabelLines } from './label-content';

const label: ItemLabel = {
  code: '7K3M9Q2RXV0ZAB12',
  url: 'https://sy.lechang.example/01/06901234567892/10/LC20260715A/21/7K3M9Q2RXV0ZAB12',
  productName: '黄金柰李',
  grade: '特级',
  lotCode: 'LC20260715A',
  netWeight: { value: 2.5, unit: 'kg' },
  cartonId: 'CT0A1B2C3D4E5F',
};

describe('item label content', () => {
  it('says product, grade, net weight, lot and the code in groups of four on two lines', () => {
    expect(itemLabelLines(label)).toEqual(['黄金柰李', '特级', '净含量 2.5 kg', '批号 LC20260715A', '7K3M 9Q2R', 'XV0Z AB12']);
    expect(itemLabelLines({ ...label, netWeight: { value: 1, unit: 'head' } })[2]).toBe('净含量 1 只');
    expect(groupedCode('7K3M9Q2RXV0ZAB12')).toBe('7K3M 9Q2R XV0Z AB12');
  });

  it('says on a carton label its product, grades, count, lot and carton code, its QR opening the carton’s page', () => {
    const url = cartonPageUrl('https://sy.lechang.example/', 'CT0A1B2C3D4E5F');
    expect(url).toBe('https://sy.lechang.example/c/CT0A1B2C3D4E5F');
    expect(
      cartonLabelLines({
        cartonId: 'CT0A1B2C3D4E5F',
        url,
        productName: '黄金柰李',
        grades: ['特级', '一级'],
        lotCode: 'LC20260715A',
        itemCount: 20,
      }),
    ).toEqual(['黄金柰李', '特级 / 一级', '20 件', '批号 LC20260715A', '箱号 CT0A1B2', 'C3D4E5F']);
  });

  it('gives a coder code, URL, lot, grade and carton', () => {
    expect(CSV_HEADER).toBe('code,url,lot,grade,carton');
    expect(csvRow(label)).toBe(`7K3M9Q2RXV0ZAB12,${label.url},LC20260715A,特级,CT0A1B2C3D4E5F`);
  });

  it('quotes what a CSV must quote and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
});
