import { builder } from '../builder.ts';

/**
 * The upstream's codes are the enums' internal values. A code the schema does not know is reported as an error
 * naming it (masked for clients, visible in logs) rather than mislabelled, so a vendor addition is noticed.
 */
export class UnknownUpstreamValueError extends Error {
  constructor(field: string, value: unknown) {
    super(`The SSL API returned ${field} ${JSON.stringify(value)}, which the schema does not know`);
    this.name = 'UnknownUpstreamValueError';
  }
}

type EnumValues = Record<string, { readonly value: string | number; readonly description: string }>;
type UpstreamCode<Values extends EnumValues> = Values[keyof Values]['value'];

export interface UpstreamEnumOptions {
  readonly description: string;
  /** The upstream field this enum translates, for the unknown-value error. */
  readonly upstreamField: string;
  /** Compare string codes case-insensitively (some outputs upper-case what inputs spell in lower case). */
  readonly caseInsensitive?: boolean;
}

/**
 * Declares a GraphQL enum whose internal values are the upstream's codes, with the checked conversion from an
 * upstream value. Resolvers return `fromUpstream(raw)`; inputs arrive as the upstream code already.
 */
export function upstreamEnum<const Values extends EnumValues>(
  name: string,
  values: Values,
  options: UpstreamEnumOptions,
) {
  const codes = Object.values(values).map((entry) => entry.value) as UpstreamCode<Values>[];
  const ref = builder.enumType(name, { description: options.description, values });
  const normalise = (raw: unknown): unknown =>
    options.caseInsensitive && typeof raw === 'string' ? raw.toLowerCase() : raw;
  // Looked up for every item of every listing (status, type and source of 50 certificates a page).
  const codeOf = new Map<unknown, UpstreamCode<Values>>();
  for (const code of codes) {
    const key = normalise(code);
    // As a search in declaration order would: the first code a spelling matches wins.
    if (!codeOf.has(key)) codeOf.set(key, code);
  }
  return {
    ref,
    codes,
    /** The code, or the error naming a code the schema does not know (for values computed ahead of fields). */
    codeOrError(raw: unknown): UpstreamCode<Values> | UnknownUpstreamValueError {
      const match = codeOf.get(normalise(raw));
      return match === undefined ? new UnknownUpstreamValueError(options.upstreamField, raw) : match;
    },
    fromUpstream(raw: unknown): UpstreamCode<Values> {
      const code = this.codeOrError(raw);
      if (code instanceof UnknownUpstreamValueError) throw code;
      return code;
    },
  };
}
