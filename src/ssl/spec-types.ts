/** The shape of the runtime description in spec.generated.ts. */

export type SpecPrimitive =
  | 'String'
  | 'Integer'
  | 'Float'
  | 'Double'
  | 'Boolean'
  | 'Timestamp'
  | 'Date'
  | 'Binary';

export interface SpecFieldDescriptor {
  readonly name: string;
  /** A primitive name, or the name of a structure in `structures`. */
  readonly type: string;
  readonly array?: boolean;
  readonly required?: boolean;
  readonly nullable?: boolean;
}

export interface SpecActionDescriptor {
  readonly entity: string;
  readonly mutating: boolean;
  /** Requests per second the upstream allows for this action. */
  readonly rateLimit: number;
  readonly deprecated?: string;
  readonly pagination?: {
    readonly offset: string;
    readonly limit: string;
    readonly defaultLimit: number;
    readonly maxLimit: number | null;
  };
  readonly inputs: readonly SpecFieldDescriptor[];
  readonly outputs: readonly SpecFieldDescriptor[];
  /** The codes the action's own section documents (the common codes of `errorCodes` apply to every action). */
  readonly errorCodes: readonly string[];
}

export type SpecErrorClass =
  | 'client-input'
  | 'state/conflict'
  | 'retryable-transient'
  | 'permission'
  | 'not-found'
  | 'auth/signature'
  | 'billing';

export interface SpecErrorDescriptor {
  readonly class: SpecErrorClass;
  /** `common`: one of the API's common codes, which any action may answer; `ssl`: the service's own. */
  readonly scope: 'common' | 'ssl';
  readonly message: string;
}

export interface SslSpec {
  readonly service: string;
  readonly version: string;
  readonly endpoint: string;
  readonly actions: Readonly<Record<string, SpecActionDescriptor>>;
  readonly structures: Readonly<Record<string, readonly SpecFieldDescriptor[]>>;
  readonly errorCodes: Readonly<Record<string, SpecErrorDescriptor>>;
  /**
   * `Owner.Field` (the owner an action, for its top-level outputs, or a structure) → the values the spec
   * documents for that output field: its enums, and the values its own documentation enumerates.
   */
  readonly outputEnumerations: Readonly<Record<string, readonly (string | number)[]>>;
}
