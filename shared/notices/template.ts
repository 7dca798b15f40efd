/** A `{name}` placeholder: letters, digits and underscore, as in the i18n catalogues. */
const PLACEHOLDER = /\{(\w+)\}/g;

export interface FilledText {
  text: string;
  /** Placeholders that had no value; they stay in `text` verbatim so the gap is visible. */
  missing: string[];
}

/** Fills every `{name}` from `values`. A missing value is reported, never silently blanked. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): FilledText {
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    if (!missing.includes(name)) missing.push(name);
    return whole;
  });
  return { text, missing };
}

/** The placeholder names a template uses, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
