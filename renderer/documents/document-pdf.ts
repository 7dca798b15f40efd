import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { ApplicantDocument, DocumentBlock, ListItem } from '../../shared/notices/document-template';

/** TTF bytes of the two faces a document uses; any font with the Latin letters of applicants' names. */
export interface DocumentFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

// A4 in points, 2 cm margins: fits every office printer and the A4 envelope fold.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 57, right: 57, top: 57, bottom: 70 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 10.5;
const LINE = 1.35;
const LABEL_WIDTH = 130;
const INDENT = 18;
const INK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

interface Faces {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * Draws an applicant document (receipt, refusal notice) on A4 pages: letterhead, blocks in order,
 * a footer with the case and "Pagina n di m" on every page. Texts arrive resolved; this only lays out.
 */
export async function renderApplicantDocumentPdf(document: ApplicantDocument, fonts: DocumentFonts, now: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const faces: Faces = {
    regular: await pdf.embedFont(fonts.regular, { subset: true }),
    bold: await pdf.embedFont(fonts.bold, { subset: true }),
  };
  pdf.setTitle(document.title, { showInWindowTitleBar: true });
  pdf.setLanguage('it-IT');
  pdf.setCreator('Sportello Abilitazioni');
  pdf.setProducer('Sportello Abilitazioni');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);

  const writer = new PageWriter(pdf, faces);
  writer.letterhead(document.letterhead);
  for (const block of document.blocks) writer.block(block);
  writer.footers(document.footer);
  return pdf.save();
}

class PageWriter {
  private page: PDFPage;
  private y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly faces: Faces,
  ) {
    this.page = this.newPage();
  }

  letterhead(lines: string[]): void {
    lines.forEach((line, i) => this.paragraph(line, { font: i === 0 ? this.faces.bold : this.faces.regular, size: i === 0 ? 11 : 10, after: 1 }));
    this.y -= 4;
    this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: PAGE.width - MARGIN.right, y: this.y }, thickness: 0.8, color: INK });
    this.y -= 18;
  }

  block(block: DocumentBlock): void {
    switch (block.type) {
      case 'heading':
        return this.paragraph(block.text, { font: this.faces.bold, size: 15, before: 4, after: 10, keepWithNext: 40 });
      case 'subheading':
        return this.paragraph(block.text, { font: this.faces.bold, size: 12, before: 8, after: 5, keepWithNext: 40 });
      case 'paragraph':
        return this.paragraph(block.text, { after: 8 });
      case 'fields':
        return this.fields(block.rows);
      case 'bullets':
        return this.list(block.items.map((text) => ({ text, details: [] })), () => '•');
      case 'list':
        return this.list(block.items, block.numbered ? (i) => `${i + 1}.` : () => '•');
      case 'signature':
        return this.signature(block.label);
    }
  }

  footers(text: string): void {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      const size = 8;
      const counter = `Pagina ${i + 1} di ${pages.length}`;
      page.drawText(text, { x: MARGIN.left, y: 36, size, font: this.faces.regular, color: GREY });
      const width = this.faces.regular.widthOfTextAtSize(counter, size);
      page.drawText(counter, { x: PAGE.width - MARGIN.right - width, y: 36, size, font: this.faces.regular, color: GREY });
    });
  }

  private paragraph(
    text: string,
    options: { font?: PDFFont; size?: number; before?: number; after?: number; x?: number; width?: number; keepWithNext?: number; color?: typeof INK } = {},
  ): void {
    const font = options.font ?? this.faces.regular;
    const size = options.size ?? BODY;
    const x = options.x ?? MARGIN.left;
    const lines = wrap(text, font, size, options.width ?? CONTENT_WIDTH);
    this.y -= options.before ?? 0;
    this.ensureRoom(size * LINE + (options.keepWithNext ?? 0));
    for (const line of lines) {
      this.ensureRoom(size * LINE);
      this.y -= size;
      this.page.drawText(line, { x, y: this.y, size, font, color: options.color ?? INK });
      this.y -= size * (LINE - 1);
    }
    this.y -= options.after ?? 0;
  }

  private fields(rows: { label: string; value: string }[]): void {
    for (const row of rows) {
      const valueLines = wrap(row.value, this.faces.regular, BODY, CONTENT_WIDTH - LABEL_WIDTH);
      this.ensureRoom(BODY * LINE * valueLines.length);
      const top = this.y;
      this.paragraph(row.label, { font: this.faces.bold, width: LABEL_WIDTH - 8 });
      const afterLabel = this.y;
      this.y = top;
      this.paragraph(row.value, { x: MARGIN.left + LABEL_WIDTH, width: CONTENT_WIDTH - LABEL_WIDTH });
      this.y = Math.min(this.y, afterLabel) - 3;
    }
    this.y -= 8;
  }

  private list(items: ListItem[], marker: (index: number) => string): void {
    items.forEach((item, i) => {
      // Room for the marker's line and the next, so a marker never sits alone at the foot of a page.
      this.ensureRoom(BODY * LINE * 2);
      const markerY = this.y - BODY;
      this.page.drawText(marker(i), { x: MARGIN.left + 4, y: markerY, size: BODY, font: this.faces.bold, color: INK });
      this.paragraph(item.text, { x: MARGIN.left + INDENT, width: CONTENT_WIDTH - INDENT, after: 2 });
      for (const detail of item.details) {
        this.paragraph(detail, { x: MARGIN.left + INDENT + 10, width: CONTENT_WIDTH - INDENT - 10, size: 10, color: GREY, after: 2 });
      }
      this.y -= 4;
    });
    this.y -= 4;
  }

  private signature(label: string): void {
    const width = 220;
    this.ensureRoom(70);
    this.y -= 48;
    const x = PAGE.width - MARGIN.right - width;
    this.page.drawLine({ start: { x, y: this.y }, end: { x: x + width, y: this.y }, thickness: 0.6, color: INK });
    this.y -= 4;
    this.paragraph(label, { x, width, size: 9 });
  }

  private ensureRoom(height: number): void {
    if (this.y - height >= MARGIN.bottom) return;
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
    return page;
  }
}

/** Greedy word wrap; a word longer than the line (a long e-mail address) is cut where it must. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}
