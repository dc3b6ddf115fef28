import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type NamedTypeNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { executedPageSize, isPagedField } from './page-sizes.ts';
import {
  ENTITY_REFERENCE_CALLS,
  type FieldArguments,
  type FieldCalls,
  fieldCallsOf,
  type ReadName,
  UNPAGED_LIST_SIZE,
  type UpstreamRead,
} from './upstream-call-weights.ts';

/**
 * How many calls to the upstream an operation can make at most, worked out from the document and its variables
 * before anything runs: the upstream-call limit (query-limits.ts) refuses an operation over it, so that one
 * request cannot spend the account's per-action quota, which every caller shares.
 *
 * The estimate walks the operation as the executor will (fragments, `@skip`/`@include`, aliases merged by response
 * key) and counts, with the weights of upstream-call-weights.ts:
 * - per-object reads once per object they are made for, where a list of N objects is N objects: a page holds the
 *   `first` it runs with (executedPageSize), a list the API does not page UNPAGED_LIST_SIZE items;
 * - batched reads once per batch: objects that arrive in one answer are looked up together, up to the loader's
 *   batch size, and objects arriving in separate answers (one per certificate's deploy record page) in separate
 *   batches;
 * - reads cached for the request once per distinct key;
 * - `_entities` per representation, by the type each one names.
 * The lengths of unpaged lists and of listing walks (a record looked for in its certificate's records, an
 * account's log window) depend on the data; the estimate counts them as described in upstream-call-weights.ts.
 * Waits and `jobProgress` poll a job over time through the shared poller, paced at its interval: those polls are
 * not counted.
 */
export function estimateUpstreamCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Readonly<Record<string, unknown>> | null | undefined,
): number | undefined {
  const operation = getOperationAST(document, operationName);
  if (operation === null || operation === undefined) return undefined;
  const root = schema.getRootType(operation.operation);
  if (root === null || root === undefined) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {});
  // Variables that do not fit their types are refused before anything executes.
  if (coerced.coerced === undefined) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const estimator = new UpstreamCallEstimator(schema, fragments, coerced.coerced, root);
  return estimator.selections(root, [operation.selectionSet], {
    objects: 1,
    arrivals: 1,
    provided: NOTHING_PROVIDED,
    counted: new Set(),
  });
}

/** Objects of one type that a selection set applies to. */
interface ObjectGroup {
  /** How many there are at most. */
  readonly objects: number;
  /** In how many separate upstream answers they arrive: a batched loader batches each answer's objects alone. */
  readonly arrivals: number;
  /** The reads the objects came with. */
  readonly provided: ReadonlySet<ReadName>;
  /** The per-object reads already counted for these objects. */
  readonly counted: Set<string>;
  /**
   * The objects are items of lists the API does not page, inside one object that came with them (a cluster's
   * namespaces): lists nested in those count toward the same UNPAGED_LIST_SIZE items rather than multiplying it.
   */
  readonly unpaged?: true;
}

/** What a field's reads cost, and in how many answers the values they produce arrive. */
interface ReadsOutcome {
  readonly calls: number;
  readonly arrivals: number;
}

const NOTHING_PROVIDED: ReadonlySet<ReadName> = new Set();

/** Whether objects of `type` can be objects of `candidate` (the type itself, or an interface or union of it). */
function isPossible(schema: GraphQLSchema, candidate: unknown, type: GraphQLObjectType): boolean {
  if (candidate === type) return true;
  return isAbstractType(candidate) && schema.isSubType(candidate, type);
}

const NO_ARGUMENTS: FieldArguments = Object.freeze({});

/** A JSON replacer leaving out AST locations, so that equal arguments written apart compare equal. */
function withoutLocations(key: string, value: unknown): unknown {
  return key === 'loc' ? undefined : value;
}

/** A field the table does not list reads what its parent holds. */
const NO_CALLS: FieldCalls = { reads: [] };

/** Root fields not in the table: each one call, aliases with the same arguments sharing it as the loaders do. */
const ROOT_QUERY_DEFAULT = (fieldName: string): FieldCalls => ({
  reads: [{ kind: 'per-object', read: `Query.${fieldName}`, keyedBy: 'arguments' }],
});

/** Every mutation field is its own call, whatever its arguments. */
const ROOT_MUTATION_DEFAULT = (fieldKey: string): FieldCalls => ({
  reads: [{ kind: 'per-object', read: `Mutation.${fieldKey}` }],
});

/** Where the same selection arrives in the upstream's answers: at most one batch per answer beyond the first. */
function batchesFor(keys: number, batchSize: number, arrivals: number): number {
  if (keys <= 0) return 0;
  return Math.min(keys, Math.ceil(keys / batchSize) + Math.max(arrivals, 1) - 1);
}

function readKey(
  read: ReadName,
  fieldName: string,
  args: FieldArguments,
  keyedBy: 'read' | 'arguments' | undefined,
) {
  return keyedBy === 'arguments' ? `${read}\u0000${fieldName}\u0000${JSON.stringify(args)}` : read;
}

class UpstreamCallEstimator {
  /** The reads cached for the whole request already counted. */
  #perOperation = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly root: GraphQLObjectType,
  ) {}

  /**
   * The calls `selectionSets` make for `group`. For an interface or union, each object is of one of its types:
   * the costliest type bounds them all.
   */
  selections(
    type: GraphQLCompositeType,
    selectionSets: readonly SelectionSetNode[],
    group: ObjectGroup,
  ): number {
    if (group.objects <= 0 || selectionSets.length === 0) return 0;
    if (isObjectType(type)) return this.#objectSelections(type, selectionSets, group);
    const before = this.#perOperation;
    const after = new Set(before);
    let most = 0;
    for (const possible of this.schema.getPossibleTypes(type)) {
      this.#perOperation = new Set(before);
      const calls = this.#objectSelections(possible, selectionSets, {
        ...group,
        counted: new Set(group.counted),
      });
      for (const key of this.#perOperation) after.add(key);
      most = Math.max(most, calls);
    }
    this.#perOperation = after;
    return most;
  }

  #objectSelections(
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    group: ObjectGroup,
  ): number {
    const planned: PlannedField[] = [];
    for (const [fieldKey, nodes] of this.#collectFields(type, selectionSets)) {
      const field = this.#plan(type, fieldKey, nodes);
      if (field !== undefined) planned.push(field);
    }
    // The reads the fields make for these objects whatever their order: a read another one answers too looks here.
    const upcoming = new Set<ReadName>();
    for (const field of planned) {
      for (const read of field.calls.reads) {
        if (read.kind !== 'per-object' || read.keyedBy === 'arguments') continue;
        const held = [read.read, ...(read.unlessProvided ?? [])].some((name) => group.provided.has(name));
        if (!held) upcoming.add(read.read);
      }
    }
    // Fields whose first read is batched ask for their keys together, in the same tick, for every arrival.
    const sharedKeys = new Map<string, { keys: number; batchSize: number }>();
    for (const field of planned) {
      const first = field.calls.reads[0];
      if (first?.kind !== 'batched') continue;
      const key = readKey(first.read, field.name, field.args, first.keyedBy);
      const shared = sharedKeys.get(key) ?? { keys: 0, batchSize: first.batchSize };
      shared.keys += group.objects * (first.keysPerObject ?? 1);
      sharedKeys.set(key, shared);
    }
    const charged = new Set<string>();
    // The objects those shared batches load arrive together, whichever field asked: the same selection of them is
    // walked as one group (so that 50 aliased `certificate(id:) { renewal { id } }` are one batch of lookups,
    // then one of renewals).
    const together = new Map<string, LoadedTogether>();
    let calls = 0;
    for (const field of planned) {
      const outcome = this.#reads(field, group, upcoming, (key) => {
        const shared = sharedKeys.get(key);
        const batches = shared === undefined ? 0 : batchesFor(shared.keys, shared.batchSize, group.arrivals);
        const first = !charged.has(key);
        charged.add(key);
        return { calls: first ? batches : 0, arrivals: batches };
      });
      calls += outcome.calls;
      const named = getNamedType(field.definition.type);
      const [only] = field.calls.reads;
      const loadedTogether =
        only?.kind === 'batched' &&
        field.calls.reads.length === 1 &&
        field.calls.provides === undefined &&
        isCompositeType(named) &&
        field.selectionSets.length > 0;
      if (!loadedTogether) {
        calls += this.#children(type, field, group, outcome);
        continue;
      }
      // Only the same selection of them: each object is walked with what it is asked for.
      const selection = JSON.stringify(field.selectionSets, withoutLocations);
      const key = `${readKey(only.read, field.name, field.args, only.keyedBy)}\u0000${named.name}\u0000${selection}`;
      const loaded = together.get(key) ?? {
        type: named,
        selectionSets: [],
        objects: 0,
        arrivals: outcome.arrivals,
      };
      loaded.selectionSets.push(...field.selectionSets);
      loaded.objects += group.objects * this.#itemsPerObject(type, field).count;
      together.set(key, loaded);
    }
    for (const loaded of together.values()) {
      calls += this.selections(loaded.type, loaded.selectionSets, {
        objects: loaded.objects,
        arrivals: Math.min(loaded.objects, loaded.arrivals),
        provided: NOTHING_PROVIDED,
        counted: new Set(),
      });
    }
    return calls;
  }

  /**
   * The calls of one field's reads, in order. `sharedBatch` charges a leading batched read whose keys sibling
   * fields ask for in the same tick; without it, the read is batched on its own.
   */
  #reads(
    field: PlannedField,
    group: ObjectGroup,
    upcoming: ReadonlySet<ReadName>,
    sharedBatch?: (key: string) => ReadsOutcome,
  ): ReadsOutcome {
    let calls = 0;
    let arrivals = group.arrivals;
    field.calls.reads.forEach((read: UpstreamRead, index) => {
      switch (read.kind) {
        case 'per-object': {
          if (group.provided.has(read.read)) return;
          if (read.unlessProvided?.some((provided) => group.provided.has(provided))) return;
          if (read.unlessMade?.some((made) => upcoming.has(made) || group.counted.has(made))) {
            arrivals = group.objects;
            return;
          }
          const perObject = typeof read.calls === 'function' ? read.calls(field.args) : (read.calls ?? 1);
          if (perObject <= 0) return;
          const key = readKey(read.read, field.name, field.args, read.keyedBy);
          // A sibling made the same read for these objects: this field waits for its answers.
          if (!group.counted.has(key)) {
            group.counted.add(key);
            calls += group.objects * perObject;
          }
          arrivals = group.objects;
          return;
        }
        case 'batched': {
          const key = readKey(read.read, field.name, field.args, read.keyedBy);
          if (index === 0 && sharedBatch !== undefined) {
            const shared = sharedBatch(key);
            calls += shared.calls;
            arrivals = shared.arrivals;
            return;
          }
          const batches = batchesFor(group.objects * (read.keysPerObject ?? 1), read.batchSize, arrivals);
          calls += batches;
          arrivals = batches;
          return;
        }
        case 'per-operation': {
          const keyed = Object.fromEntries(read.keyedBy.map((name) => [name, field.args[name] ?? null]));
          const key = `${read.read}\u0000${JSON.stringify(keyed)}`;
          if (!this.#perOperation.has(key)) {
            this.#perOperation.add(key);
            calls += 1;
          }
          return;
        }
      }
    });
    return { calls, arrivals };
  }

  /** The calls of the objects a field returns, with what they come with. */
  #children(
    parent: GraphQLObjectType,
    field: PlannedField,
    group: ObjectGroup,
    outcome: ReadsOutcome,
  ): number {
    const named = getNamedType(field.definition.type);
    if (!isCompositeType(named) || field.selectionSets.length === 0) return 0;
    if (field.entities) return this.#entities(named, field, group);
    const items = this.#itemsPerObject(parent, field);
    const unpaged = items.unpaged || (group.unpaged === true && field.calls.reads.length === 0);
    const objects = group.objects * (items.unpaged && group.unpaged === true ? 1 : items.count);
    const provided =
      field.calls.provides !== undefined
        ? new Set(
            typeof field.calls.provides === 'function'
              ? field.calls.provides(field.args)
              : field.calls.provides,
          )
        : field.calls.reads.length === 0
          ? group.provided
          : NOTHING_PROVIDED;
    return this.selections(named, field.selectionSets, {
      objects,
      arrivals: Math.min(objects, outcome.arrivals),
      provided,
      counted: field.calls.sameObject === true ? group.counted : new Set(),
      ...(unpaged ? { unpaged: true } : {}),
    });
  }

  /** How many objects a field returns per object it is resolved on, and whether they are an unpaged list. */
  #itemsPerObject(parent: GraphQLObjectType, field: PlannedField): { count: number; unpaged: boolean } {
    if (isPagedField(field.definition)) return { count: executedPageSize(field.args.first), unpaged: false };
    if (!isListType(getNullableType(field.definition.type))) return { count: 1, unpaged: false };
    // A connection's edges are its page, already counted by the paged field that returned it.
    if (field.name === 'edges' && parent.getFields().pageInfo !== undefined)
      return { count: 1, unpaged: false };
    return { count: UNPAGED_LIST_SIZE, unpaged: true };
  }

  /** Federation's `_entities`: each representation resolved as its type's reference, then its selection. */
  #entities(union: GraphQLCompositeType, field: PlannedField, group: ObjectGroup): number {
    const given = field.args.representations;
    const representations = Array.isArray(given) ? given : given === undefined ? [] : [given];
    const counts = new Map<string, number>();
    for (const representation of representations) {
      const typeName = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typeName === 'string') counts.set(typeName, (counts.get(typeName) ?? 0) + 1);
    }
    let calls = 0;
    for (const [typeName, count] of counts) {
      const type = this.schema.getType(typeName);
      const reference = ENTITY_REFERENCE_CALLS[typeName];
      // Anything else is refused representation by representation, without a call.
      if (!isObjectType(type) || reference === undefined || !isPossible(this.schema, union, type)) continue;
      const entities: ObjectGroup = {
        objects: group.objects * count,
        arrivals: group.arrivals,
        provided: NOTHING_PROVIDED,
        counted: new Set(),
      };
      const resolved = this.#reads({ ...field, calls: reference }, entities, new Set());
      calls +=
        resolved.calls +
        this.selections(type, field.selectionSets, {
          objects: entities.objects,
          arrivals: Math.min(entities.objects, resolved.arrivals),
          provided: new Set(
            typeof reference.provides === 'function' ? reference.provides({}) : (reference.provides ?? []),
          ),
          counted: new Set(),
        });
    }
    return calls;
  }

  /** A selected field with what the table says of it; undefined for one that neither calls nor leads anywhere. */
  #plan(type: GraphQLObjectType, fieldKey: string, nodes: readonly FieldNode[]): PlannedField | undefined {
    const [node] = nodes;
    if (node === undefined) return undefined;
    const name = node.name.value;
    // Introspection reads the schema, never the upstream.
    if (name.startsWith('__')) return undefined;
    const definition = type.getFields()[name];
    if (definition === undefined) return undefined;
    let args: FieldArguments = NO_ARGUMENTS;
    if (definition.args.length > 0) {
      try {
        args = getArgumentValues(definition, node, this.variables);
      } catch {
        // The field fails with this error instead of resolving.
        return undefined;
      }
    }
    const isRoot = type === this.root;
    const calls =
      fieldCallsOf(type, name) ??
      (isRoot && type === this.schema.getMutationType()
        ? ROOT_MUTATION_DEFAULT(fieldKey)
        : isRoot
          ? ROOT_QUERY_DEFAULT(name)
          : NO_CALLS);
    const selectionSets = nodes.flatMap((each) =>
      each.selectionSet === undefined ? [] : [each.selectionSet],
    );
    return {
      name,
      definition,
      args,
      calls,
      selectionSets,
      entities: isRoot && name === '_entities',
    };
  }

  /** The fields of `selectionSets` that apply to `type`, by response key, as the executor collects them. */
  #collectFields(
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
  ): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const visitedFragments = new Set<string>();
    const collect = (selections: readonly SelectionNode[]): void => {
      for (const selection of selections) {
        if (!this.#included(selection)) continue;
        switch (selection.kind) {
          case Kind.FIELD: {
            const key = selection.alias?.value ?? selection.name.value;
            const same = fields.get(key);
            if (same === undefined) fields.set(key, [selection]);
            else same.push(selection);
            break;
          }
          case Kind.INLINE_FRAGMENT:
            if (this.#applies(selection.typeCondition, type)) collect(selection.selectionSet.selections);
            break;
          case Kind.FRAGMENT_SPREAD: {
            const name = selection.name.value;
            if (visitedFragments.has(name)) break;
            visitedFragments.add(name);
            const fragment = this.fragments.get(name);
            if (fragment !== undefined && this.#applies(fragment.typeCondition, type)) {
              collect(fragment.selectionSet.selections);
            }
            break;
          }
        }
      }
    };
    for (const selectionSet of selectionSets) collect(selectionSet.selections);
    return fields;
  }

  #applies(condition: NamedTypeNode | undefined, type: GraphQLObjectType): boolean {
    if (condition === undefined) return true;
    const conditionType = this.schema.getType(condition.name.value);
    return isPossible(this.schema, conditionType, type);
  }

  #included(selection: SelectionNode): boolean {
    if (selection.directives === undefined || selection.directives.length === 0) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, selection, this.variables)?.if === true) return false;
      return getDirectiveValues(GraphQLIncludeDirective, selection, this.variables)?.if !== false;
    } catch {
      // An invalid directive argument fails the operation before it runs.
      return false;
    }
  }
}

/** The objects sibling fields load through one shared batch and select the same of. */
interface LoadedTogether {
  readonly type: GraphQLCompositeType;
  readonly selectionSets: SelectionSetNode[];
  objects: number;
  readonly arrivals: number;
}

interface PlannedField {
  readonly name: string;
  readonly definition: GraphQLField<unknown, unknown>;
  readonly args: FieldArguments;
  readonly calls: FieldCalls;
  readonly selectionSets: readonly SelectionSetNode[];
  /** Federation's `_entities`, whose objects are counted per representation. */
  readonly entities: boolean;
}
