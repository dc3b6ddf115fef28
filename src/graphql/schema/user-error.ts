import { builder } from '../builder.ts';
import type { UserErrorShape } from '../loaders/mutations.ts';

/** Every mutation payload carries its caller-fixable failures here (Shopify design tutorial, rule 23). */
export interface PayloadShape {
  readonly userErrors: readonly UserErrorShape[];
}

export const UserErrorRef = builder.objectRef<UserErrorShape>('UserError').implement({
  description:
    'A failure the caller can fix: invalid input, an object in the wrong state, something not found, or not ' +
    'enough balance. Transient and authorization failures are reported as GraphQL errors instead.',
  // The Shopify-style payload error other subgraphs of the supergraph define too: a value type, not an entity.
  shareable: true,
  fields: (t) => ({
    code: t.string({
      description:
        'The Tencent Cloud error code (e.g. `FailedOperation.CertificateNotFound`) or a gateway code.',
      nullable: false,
      resolve: (error) => error.code,
    }),
    message: t.string({
      description: 'What went wrong, for people.',
      nullable: false,
      resolve: (e) => e.message,
    }),
    field: t.stringList({
      description: 'The path of the input field at fault, when known (e.g. `["input", "alias"]`).',
      resolve: (error) => (error.field === null ? null : [...error.field]),
    }),
  }),
});

/**
 * Declares a mutation payload type: the domain's fields plus `userErrors`. The shape is what the mutation's
 * resolver returns; on failure only `userErrors` is filled and every other field resolves to null.
 */
export function payloadType<Shape extends PayloadShape>(
  name: string,
  description: string,
  fields: Parameters<ReturnType<typeof builder.objectRef<Shape>>['implement']>[0]['fields'],
) {
  const ref = builder.objectRef<Shape>(name);
  ref.implement({
    description,
    fields: (t) => ({
      ...(fields ? fields(t) : {}),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Why the mutation did not happen, when the caller can fix it; empty on success.',
        nullable: false,
        resolve: (payload) => [...payload.userErrors],
      }),
    }),
  });
  return ref;
}

/**
 * The description of every mutation's one `input` argument: the mutation's own description says what it does,
 * the input type's fields what each value means.
 */
export const MUTATION_INPUT =
  "The mutation's arguments, gathered in one input object (its fields say what each one means).";

/** A user error raised by the gateway itself (input it can reject without asking the upstream). */
export function gatewayUserError(code: string, message: string, field: readonly string[]): PayloadShape {
  return { userErrors: [{ code, message, field }] };
}
