import { builder } from '../builder.ts';
import {
  type EnumValues,
  type UpstreamCodes,
  type UpstreamCodesOptions,
  upstreamCodes,
} from '../upstream-codes.ts';

export interface UpstreamEnumOptions extends UpstreamCodesOptions {
  readonly description: string;
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
  return enumOfUpstreamCodes(name, upstreamCodes(values, options), options.description);
}

/**
 * The names of the enums whose values come from the upstream. The API adds codes over time, so a field of one is
 * nullable: an unknown code fails that field alone (UNKNOWN_UPSTREAM_VALUE), never its object or the page.
 */
export const UPSTREAM_ENUM_NAMES = new Set<string>();

/** The GraphQL enum of codes declared outside the schema (upstream-codes.ts), with their conversion. */
export function enumOfUpstreamCodes<const Values extends EnumValues>(
  name: string,
  codes: UpstreamCodes<Values>,
  description: string,
) {
  UPSTREAM_ENUM_NAMES.add(name);
  return { ...codes, ref: builder.enumType(name, { description, values: codes.values }) };
}
