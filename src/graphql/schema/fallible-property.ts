/**
 * Fields read straight from a record property that holds the value or the Error that fails the field (the
 * upstream sent something the schema cannot show). Declared exposed, Pothos gives them no resolver: executors read
 * the property (graphql-jit inline) and report an Error value as the field's error. Their `resolve` only states
 * the types, and says what reading the property means: the value, or the error thrown.
 */
export function fallibleProperty<Name extends string>(
  name: Name,
): { readonly extensions: { readonly pothosExposedField: Name } } {
  return { extensions: { pothosExposedField: name } };
}

export function valueOrThrow<Value>(value: Value): Exclude<Value, Error> {
  if (value instanceof Error) throw value;
  return value as Exclude<Value, Error>;
}
