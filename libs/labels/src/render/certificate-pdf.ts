import { Readable } from 'node:stream';
import { CERTIFICATE_LABEL, labelGeometry, LINE_HEIGHT } from '../domain/fit';
import { CertificateFields, certificateLines, certificateQrText } from '../domain/certificate-form';
import { LabelLayout, labelOrigin, labelsPerPage, pageCount } from '../domain/layouts';
import { fittedLine, pagedPdf } from './paged-pdf';
import { drawQr, PT } from './qr-rects';

/**
 * The 承诺达标合格证, `copies` times: its form at the left, framed, and at the right the QR
 * form carrying the words 承诺达标合格证 and its fields.
 */
export function certificatePdf(certificate: CertificateFields, copies: number, layout: LabelLayout): Readable {
  const qrText = certificateQrText(certificate);
  const g = labelGeometry(layout, Buffer.byteLength(qrText), CERTIFICATE_LABEL);
  const lines = certificateLines(certificate);
  const perPage = labelsPerPage(layout);
  const lineMm = (g.text.fontPt * LINE_HEIGHT) / PT;
  return pagedPdf(layout, pageCount(layout, copies), `承诺达标合格证 ${certificate.certificateNo}`, (doc, page) => {
    const onPage = Math.min(perPage, copies - page * perPage);
    for (let slot = 0; slot < onPage; slot++) {
      const at = labelOrigin(layout, slot);
      const inset = layout.padding / 2;
      doc
        .lineWidth(0.6)
        .rect((at.x + inset) * PT, (at.y + inset) * PT, (layout.label.width - 2 * inset) * PT, (layout.label.height - 2 * inset) * PT)
        .stroke('black');
      drawQr(doc, qrText, { x: at.x + g.qr.x, y: at.y + g.qr.y, side: g.qr.side, level: g.qr.level });
      let y = at.y + g.text.y;
      const [title, ...rest] = lines;
      fittedLine(doc, title, at.x + g.text.x, y, g.text.width, g.text.fontPt * 1.6);
      y += 2 * lineMm;
      for (const line of rest) {
        fittedLine(doc, line, at.x + g.text.x, y, g.text.width, g.text.fontPt);
        y += lineMm;
      }
    }
  });
}
