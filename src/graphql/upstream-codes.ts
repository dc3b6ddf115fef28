/**
 * The upstream's enumerated codes (statuses, types, sources...) and their checked conversion, apart from the
 * GraphQL enums that serve them (schema/upstream-enum.ts): loaders that turn upstream items into records
 * convert codes too, and must not depend on the schema.
 */

/**
 * A code the schema does not know is reported as an error naming it (UNKNOWN_UPSTREAM_VALUE, on the field that
 * shows it, which is nullable for that reason) rather than mislabelled, so a vendor addition is noticed.
 */
export class UnknownUpstreamValueError extends Error {
  readonly upstreamField: string;
  readonly value: unknown;

  constructor(upstreamField: string, value: unknown) {
    super(`The SSL API returned ${upstreamField} ${JSON.stringify(value)}, which the schema does not know.`);
    this.name = 'UnknownUpstreamValueError';
    this.upstreamField = upstreamField;
    this.value = value;
  }
}

export type EnumValues = Record<string, { readonly value: string | number; readonly description: string }>;
export type UpstreamCode<Values extends EnumValues> = Values[keyof Values]['value'];

export interface UpstreamCodesOptions {
  /** The upstream field the codes come from, for the unknown-value error. */
  readonly upstreamField: string;
  /** Compare string codes case-insensitively (some outputs upper-case what inputs spell in lower case). */
  readonly caseInsensitive?: boolean;
}

export interface UpstreamCodes<Values extends EnumValues> {
  /** The enum's values by name, each with its upstream code. */
  readonly values: Values;
  /** The code, or the error naming a code the schema does not know (for values computed ahead of fields). */
  codeOrError(raw: unknown): UpstreamCode<Values> | UnknownUpstreamValueError;
  fromUpstream(raw: unknown): UpstreamCode<Values>;
}

export function upstreamCodes<const Values extends EnumValues>(
  values: Values,
  options: UpstreamCodesOptions,
): UpstreamCodes<Values> {
  const normalise = (raw: unknown): unknown =>
    options.caseInsensitive && typeof raw === 'string' ? raw.toLowerCase() : raw;
  // Looked up for every item of every listing (status, type and source of 50 certificates a page).
  const codeOf = new Map<unknown, UpstreamCode<Values>>();
  for (const { value } of Object.values(values)) {
    const code = value as UpstreamCode<Values>;
    const key = normalise(code);
    // As a search in declaration order would: the first code a spelling matches wins.
    if (!codeOf.has(key)) codeOf.set(key, code);
  }
  const codeOrError = (raw: unknown): UpstreamCode<Values> | UnknownUpstreamValueError =>
    codeOf.get(normalise(raw)) ?? new UnknownUpstreamValueError(options.upstreamField, raw);
  return {
    values,
    codeOrError,
    fromUpstream(raw) {
      const code = codeOrError(raw);
      if (code instanceof UnknownUpstreamValueError) throw code;
      return code;
    },
  };
}
