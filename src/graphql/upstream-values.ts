/** The upstream uses '' as well as null for "not set"; the schema only knows null. */
export function presentOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

/**
 * An ID the upstream types as an Integer (managers, companies, records) from an ID argument; null when the text
 * cannot name one. IDs beyond 2^53 are refused rather than rounded to another ID.
 */
export function integerIdOrNull(raw: string | number): number | null {
  const text = String(raw).trim();
  if (!/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}
