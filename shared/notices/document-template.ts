import { z } from 'zod';
import { fillTemplate } from './template';

/**
 * An applicant document (receipt, refusal notice) as data: the wording lives in
 * `resources/templates/*.it.json`, so an office can review or change it without touching code.
 * Texts carry `{placeholders}`; `list` blocks expand a list the builder supplies (documents received,
 * reasons); a block with `when` is kept only when that value is not empty.
 */
const Text = z.string().min(1).max(2000);
const Condition = z.object({ when: z.string().min(1).optional() });

export const TemplateBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: Text }).extend(Condition.shape).strict(),
  z.object({ type: z.literal('subheading'), text: Text }).extend(Condition.shape).strict(),
  z.object({ type: z.literal('paragraph'), text: Text }).extend(Condition.shape).strict(),
  z
    .object({ type: z.literal('fields'), rows: z.array(z.object({ label: Text, value: Text }).strict()).min(1) })
    .extend(Condition.shape)
    .strict(),
  z.object({ type: z.literal('bullets'), items: z.array(Text).min(1) }).extend(Condition.shape).strict(),
  z
    .object({ type: z.literal('list'), source: z.string().min(1), numbered: z.boolean(), emptyText: Text })
    .extend(Condition.shape)
    .strict(),
  z.object({ type: z.literal('signature'), label: Text }).extend(Condition.shape).strict(),
]);
export type TemplateBlock = z.infer<typeof TemplateBlock>;

export const DocumentTemplate = z
  .object({
    id: z.string().regex(/^[a-z-]+$/),
    language: z.literal('it'),
    /** File name stem of the PDF, e.g. `ricevuta` → `ricevuta-RM01-20261123-0007.pdf`. */
    fileStem: z.string().regex(/^[a-z-]+$/),
    title: Text,
    letterhead: z.array(Text).min(1),
    footer: Text,
    blocks: z.array(TemplateBlock).min(1),
  })
  .strict();
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;

/** A list item of a `list` block: a main line and optional detail lines under it. */
export interface ListItem {
  text: string;
  details: string[];
}

/** The document with every text resolved: what the PDF renderer draws, nothing left to compute. */
export type DocumentBlock =
  | { type: 'heading' | 'subheading' | 'paragraph'; text: string }
  | { type: 'fields'; rows: { label: string; value: string }[] }
  | { type: 'bullets'; items: string[] }
  | { type: 'list'; numbered: boolean; items: ListItem[] }
  | { type: 'signature'; label: string };

export interface ApplicantDocument {
  title: string;
  fileName: string;
  letterhead: string[];
  footer: string;
  blocks: DocumentBlock[];
}

export interface RenderedDocument {
  document: ApplicantDocument;
  /** Placeholders the data did not provide: a template/data mismatch, caught by the template tests. */
  missing: string[];
}

/** Resolves a template against values and lists. Pure: the same input always gives the same document. */
export function renderDocumentTemplate(
  template: DocumentTemplate,
  values: Readonly<Record<string, string>>,
  lists: Readonly<Record<string, ListItem[]>>,
): RenderedDocument {
  const missing = new Set<string>();
  const fill = (text: string): string => {
    const filled = fillTemplate(text, values);
    filled.missing.forEach((name) => missing.add(name));
    return filled.text;
  };
  const blocks: DocumentBlock[] = [];
  for (const block of template.blocks) {
    if (block.when !== undefined && (values[block.when] ?? '').trim() === '') continue;
    switch (block.type) {
      case 'heading':
      case 'subheading':
      case 'paragraph':
        blocks.push({ type: block.type, text: fill(block.text) });
        break;
      case 'fields':
        blocks.push({ type: 'fields', rows: block.rows.map((row) => ({ label: fill(row.label), value: fill(row.value) })) });
        break;
      case 'bullets':
        blocks.push({ type: 'bullets', items: block.items.map(fill) });
        break;
      case 'list': {
        const items = lists[block.source];
        if (items === undefined) missing.add(block.source);
        blocks.push(
          items && items.length > 0
            ? { type: 'list', numbered: block.numbered, items }
            : { type: 'paragraph', text: fill(block.emptyText) },
        );
        break;
      }
      case 'signature':
        blocks.push({ type: 'signature', label: fill(block.label) });
        break;
    }
  }
  return {
    document: {
      title: fill(template.title),
      fileName: `${template.fileStem}-${fileNameSafe(values.numeroPratica ?? 'pratica')}.pdf`,
      letterhead: template.letterhead.map(fill).filter((line) => line.trim() !== ''),
      footer: fill(template.footer),
      blocks,
    },
    missing: [...missing],
  };
}

function fileNameSafe(value: string): string {
  return value.replace(/[^A-Za-z0-9-]/g, '_');
}
