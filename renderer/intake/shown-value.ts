/** A compared value as the clerk reads it: ISO dates as dd/mm/yyyy, nothing read as a dash. */
export function shownValue(value: string | null): string {
  if (value === null) return '—';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}
