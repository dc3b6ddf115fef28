import type { SslActionName } from '../../src/ssl/actions.ts';
import { SSL_SPEC } from '../../src/ssl/spec.generated.ts';
import type { SpecFieldDescriptor, SslSpec } from '../../src/ssl/spec-types.ts';
import { documentedOutputs } from './output-schema.ts';

/**
 * The typed output paths of the spec (`DescribeHostCdnInstanceList.InstanceList[].HttpsBillingSwitch`) and
 * which of them answers carried a value. A schema check only checks what is there: a path no answer fills
 * (an empty list, a null structure) is a path nothing checked.
 */
const SPEC: SslSpec = SSL_SPEC;

function childPath(parent: string, field: SpecFieldDescriptor): string {
  return `${parent}.${field.name}`;
}

function elementPrefix(path: string, field: SpecFieldDescriptor): string {
  return field.array ? `${path}[]` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A path carries a value when it is not null and, for a list, has at least one element. */
function carriesValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return !Array.isArray(value) || value.length > 0;
}

function observeFields(
  prefix: string,
  fields: readonly SpecFieldDescriptor[],
  value: Record<string, unknown>,
  observed: Set<string>,
): void {
  for (const field of fields) {
    const path = childPath(prefix, field);
    const fieldValue = value[field.name];
    if (!carriesValue(fieldValue)) continue;
    observed.add(path);
    const structure = SPEC.structures[field.type];
    if (structure === undefined) continue;
    const elements = Array.isArray(fieldValue) ? fieldValue : [fieldValue];
    for (const element of elements) {
      if (isRecord(element)) observeFields(elementPrefix(path, field), structure, element, observed);
    }
  }
}

/** Adds to `observed` every documented path this answer of `action` fills. */
export function recordObservedPaths(action: SslActionName, response: unknown, observed: Set<string>): void {
  if (isRecord(response)) observeFields(action, documentedOutputs(action), response, observed);
}

/**
 * The documented paths of `action` that no answer filled, outermost first: below a path never filled, its
 * children are not listed (they cannot have been filled either).
 */
export function unobservedPaths(action: SslActionName, observed: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  const walk = (prefix: string, fields: readonly SpecFieldDescriptor[], within: readonly string[]): void => {
    for (const field of fields) {
      const path = childPath(prefix, field);
      if (!observed.has(path)) {
        missing.push(path);
        continue;
      }
      const structure = SPEC.structures[field.type];
      // The spec has no recursive structure today; the guard keeps a future one from looping.
      if (structure !== undefined && !within.includes(field.type)) {
        walk(elementPrefix(path, field), structure, [...within, field.type]);
      }
    }
  };
  walk(action, documentedOutputs(action), []);
  return missing;
}
