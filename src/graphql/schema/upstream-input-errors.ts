// Restating an upstream failure of a mutation in the graph's terms: which input the caller should fix, and the
// upstream message with its parameter names replaced by the graph's. The upstream says what is wrong in two
// places. Its code is sometimes specific (InvalidParameter.DomainCountInvalid) but often generic
// (FailedOperation.InvalidParam, InvalidParameterValue, InvalidParameter), so the code alone rarely tells the
// input. Its message names the parameter at fault (the API's common errors: "The value of parameter `Limit`
// ...", "missing a required parameter `X`"; the action's own: "DomainNum does not fit the product.") or quotes
// the value at fault (the vendor's "您输入的域名%s格式有误", "该主域（%s）下申请的免费证书数量已达到%s个上限").
// Both are read here.
import type { SslActionName, SslRequest } from '../../ssl/actions.ts';
import type { UpstreamFailure, UserErrorShape } from '../loaders/mutations.ts';

export type UpstreamParameter<A extends SslActionName> = keyof SslRequest<A> & string;

/** A path into a mutation's arguments, e.g. `['input', 'csr', 'uploadedCsrPem']`. */
export type InputPath = readonly string[];

/** Points a failure whose message names no parameter and quotes no sent value at the one it concerns. */
export interface UpstreamClue<A extends SslActionName> {
  /** The failure's code: exactly this one, or any matching the pattern. */
  readonly code?: string | RegExp;
  /** Words of the message that name the concern without the parameter's name (English or Chinese). */
  readonly message?: RegExp;
  readonly parameter: UpstreamParameter<A>;
  /** The failure is the parameter's absence: its input is blamed although the caller did not send it. */
  readonly absent?: true;
}

export interface UpstreamInputMap<A extends SslActionName> {
  /** Where each upstream parameter the mutation sends comes from in its arguments. */
  readonly parameters: { readonly [P in UpstreamParameter<A>]?: InputPath };
  /** Tried in order when the message neither names a parameter nor quotes a sent value. */
  readonly clues?: readonly UpstreamClue<A>[];
  /** The inputs to blame when nothing points at one the caller sent, most relevant first (else null). */
  readonly fallback?: readonly InputPath[];
}

/** The actions that take a certificate as its two PEM texts (CertificatePublicKey, CertificatePrivateKey). */
type PemPairAction = 'UploadCertificate' | 'UpdateCertificateInstance' | 'UploadUpdateCertificateInstance';

/**
 * Which of the two texts of a certificate a failure concerns: a key that does not match, or one the parse error's
 * message says could not be read (私钥: private key), is the key; any other parse error, or an intermediate that
 * does not chain, is the certificate.
 */
export function pemPairClues<A extends PemPairAction>(): readonly UpstreamClue<A>[] {
  // Each of these actions has both parameters; TypeScript cannot see it through the generic request type.
  const privateKey = 'CertificatePrivateKey' as UpstreamParameter<A>;
  const certificate = 'CertificatePublicKey' as UpstreamParameter<A>;
  return [
    { code: /^FailedOperation\.(CertificateMismatch|CertificateMatchError)$/, parameter: privateKey },
    { code: 'FailedOperation.CertificateParseError', message: /private key|私钥/i, parameter: privateKey },
    {
      code: /^(FailedOperation\.CertificateParseError|InvalidParameterValue\.IntermediateCertNotSame)$/,
      parameter: certificate,
    },
  ];
}

/** Declares the map of `action`'s parameters, typed by the action's request. */
export function upstreamInputs<A extends SslActionName>(
  _action: A,
  map: UpstreamInputMap<A>,
): UpstreamInputMap<A> {
  return map;
}

/** Common errors name a parameter the request lacked; it is the one to add, although it was not sent. */
const MISSING_PARAMETER_CODE = 'MissingParameter';

/** Quoted values shorter than this are too likely to occur in a message by chance (`0`, `1`, `CN`). */
const MIN_QUOTED_VALUE_LENGTH = 3;
/** Longer values (PEM texts, letters) are not quoted by messages, and are not searched for. */
const MAX_QUOTED_VALUE_LENGTH = 256;

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Parameter names as words of their own: `Csr` not inside `CsrContent` or `RenewCsr`, and case matters (`Csr` is
 * not the `CSR` of "the CSR common name"; the graph's names are camelCase, so none is taken for an upstream one).
 */
function namePattern(names: readonly string[], flags = ''): RegExp {
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escapeForPattern);
  return new RegExp(`(?<![A-Za-z0-9_])(?:${alternatives.join('|')})(?![A-Za-z0-9_])`, flags);
}

function nameIndex(message: string, name: string): number {
  return namePattern([name]).exec(message)?.index ?? -1;
}

/** Where the value occurs in the message, not inside a longer name or domain (`x.com` is not in `www.x.com`). */
function valueIndex(message: string, value: string): number {
  const pattern = `(?<![\\w.-])${escapeForPattern(value)}(?![\\w-]|\\.\\w)`;
  return new RegExp(pattern).exec(message)?.index ?? -1;
}

/** The smallest of the indices that are not -1, or -1. */
function firstIndex(indices: readonly number[]): number {
  const found = indices.filter((index) => index >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
}

function quotableValues(value: unknown): string[] {
  const candidates = Array.isArray(value) ? value : [value];
  return candidates
    .filter(
      (candidate): candidate is string | number =>
        typeof candidate === 'string' || typeof candidate === 'number',
    )
    .map((candidate) => String(candidate).trim())
    .filter((text) => text.length >= MIN_QUOTED_VALUE_LENGTH && text.length <= MAX_QUOTED_VALUE_LENGTH);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

function isSent(args: unknown, path: InputPath): boolean {
  let value = args;
  for (const segment of path) {
    if (!isRecord(value)) return false;
    value = value[segment];
  }
  return value !== undefined && value !== null;
}

/** The graph's name of an input in messages: its path below the mutation's argument (`csr.uploadedCsrPem`). */
function graphName(path: InputPath): string {
  return (path[0] === 'input' ? path.slice(1) : path).join('.');
}

function clueMatches(
  clue: Pick<UpstreamClue<SslActionName>, 'code' | 'message'>,
  failure: UpstreamFailure,
): boolean {
  const codeMatches =
    clue.code === undefined ||
    (typeof clue.code === 'string' ? clue.code === failure.code : clue.code.test(failure.code));
  return codeMatches && (clue.message === undefined || clue.message.test(failure.message));
}

/**
 * States the mutation's upstream failures in the graph's terms, for RunMutationOptions.userErrorOf. `args` are
 * the mutation's arguments (`{ input }`): only an input the caller sent is blamed (or, when it was not, the
 * nearest enclosing input that was), unless the failure is its absence; otherwise the first sent fallback, or
 * null. The parameter is the first of: the one the message names, the one whose sent value the message quotes,
 * the one a clue points at.
 */
export function inGraphTerms<A extends SslActionName>(
  map: UpstreamInputMap<A>,
  args: { readonly input: unknown },
): (failure: UpstreamFailure, params: SslRequest<A>) => Pick<UserErrorShape, 'field' | 'message'> {
  const mapped = Object.entries(map.parameters).filter(
    (entry): entry is [UpstreamParameter<A>, InputPath] => entry[1] !== undefined,
  );
  const fallback = (): InputPath | null => map.fallback?.find((path) => isSent(args, path)) ?? null;

  const blame = (parameter: UpstreamParameter<A>, absent: boolean): InputPath | null => {
    const path = map.parameters[parameter];
    if (path === undefined) return fallback();
    if (absent) return path;
    // An input the gateway filled in by default (e.g. the key algorithm) stands for the input enclosing it.
    for (let length = path.length; length >= 2; length -= 1) {
      const enclosing = path.slice(0, length);
      if (isSent(args, enclosing)) return enclosing;
    }
    return fallback();
  };

  const earliest = (indexOf: (name: UpstreamParameter<A>) => number): UpstreamParameter<A> | undefined => {
    let found: { parameter: UpstreamParameter<A>; index: number } | undefined;
    for (const [parameter] of mapped) {
      const index = indexOf(parameter);
      if (index >= 0 && (found === undefined || index < found.index)) found = { parameter, index };
    }
    return found?.parameter;
  };

  const fieldOf = (failure: UpstreamFailure, params: SslRequest<A>): InputPath | null => {
    const named = earliest((name) => nameIndex(failure.message, name));
    if (named !== undefined) return blame(named, failure.code === MISSING_PARAMETER_CODE);
    const quoted = earliest((name) =>
      firstIndex(quotableValues(params[name]).map((value) => valueIndex(failure.message, value))),
    );
    if (quoted !== undefined) return blame(quoted, false);
    const clue = map.clues?.find((candidate) => clueMatches(candidate, failure));
    return clue === undefined ? fallback() : blame(clue.parameter, clue.absent === true);
  };

  const graphNames = new Map<string, string>(mapped.map(([parameter, path]) => [parameter, graphName(path)]));
  const upstreamNames = namePattern([...graphNames.keys()], 'g');
  const messageOf = (message: string): string =>
    graphNames.size === 0 ? message : message.replace(upstreamNames, (name) => graphNames.get(name) ?? name);

  return (failure, params) => {
    const field = fieldOf(failure, params);
    return { field: field === null ? null : [...field], message: messageOf(failure.message) };
  };
}
