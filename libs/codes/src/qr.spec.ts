import * as QRCode from 'qrcode';
import { qrPng, qrSvg } from './qr';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SCAN_URL = 'https://sy.lechang.example/01/06912345678904/21/7K3M9Q2RXV0ZAB12';

describe('qr', () => {
  it('renders an SVG', async () => {
    const svg = await qrSvg(SCAN_URL);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('viewBox');
  });

  it('renders a PNG, larger with a larger scale', async () => {
    const small = await qrPng(SCAN_URL);
    const large = await qrPng(SCAN_URL, { scale: 10 });
    expect(small.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(large.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(large.readUInt32BE(16)).toBeGreaterThan(small.readUInt32BE(16));
  });

  it('leaves a quiet zone of four modules on every side', async () => {
    const svg = await qrSvg(SCAN_URL);
    const size = QRCode.create(SCAN_URL, { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
    // The first dark module (the finder pattern's corner) starts four modules in.
    expect(svg).toMatch(/<path stroke="#000000" d="M4 4\.5h7/);
  });

  it('fits a 60-character scan URL in version 4 or lower at level M', () => {
    const url = SCAN_URL.slice(0, 60);
    expect(url).toHaveLength(60);
    expect(QRCode.create(url, { errorCorrectionLevel: 'M', maskPattern: 3 }).version).toBeLessThanOrEqual(4);
  });
});
