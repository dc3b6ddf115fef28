/**
 * Declares a field as exposing the parent's property of the field's own name. Pothos then gives it no resolver:
 * executors read the property (graphql-jit inline, without calling a resolver or building its resolve info).
 * The one place that names Pothos's marker for exposed fields.
 */
export function exposedProperty<Name extends string>(
  name: Name,
): { readonly extensions: { readonly pothosExposedField: Name } } {
  return { extensions: { pothosExposedField: name } };
}

/**
 * For exposed properties that hold the value or the Error that fails the field (the upstream sent something the
 * schema cannot show): executors report an Error value as the field's error. The field's `resolve` only states the
 * types, and says what reading the property means: the value, or the error thrown.
 */
export function valueOrThrow<Value>(value: Value): Exclude<Value, Error> {
  if (value instanceof Error) throw value;
  return value as Exclude<Value, Error>;
}
