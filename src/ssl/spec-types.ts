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
}

export type SpecErrorClass =
  | 'client-input'
  | 'state/conflict'
  | 'retryable-transient'
  | 'permission'
  | 'not-found'
  | 'auth/signature'
  | 'billing';

export interface SslSpec {
  readonly service: string;
  readonly version: string;
  readonly endpoint: string;
  readonly actions: Readonly<Record<string, SpecActionDescriptor>>;
  readonly structures: Readonly<Record<string, readonly SpecFieldDescriptor[]>>;
  readonly errorCodes: Readonly<Record<string, { readonly class: SpecErrorClass; readonly message: string }>>;
}
