/** The upstream uses '' as well as null for "not set"; the schema only knows null. */
export function presentOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}
