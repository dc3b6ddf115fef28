import type { FuzzExchange, StackSecrets } from './fuzz-target.ts';

/**
 * The statuses the gateway documents for transport-level refusals: 400 malformed request, 401 no/bad token,
 * 403 CSRF prevention, 404 unknown path, 405 wrong method, 406 unacceptable Accept, 413 body too large,
 * 415 unsupported content type, 431 request line or headers too large (Node's HTTP parser, before the gateway);
 * 200/204 for answers and preflights.
 */
export const DOCUMENTED_STATUSES: ReadonlySet<number> = new Set([
  200, 204, 400, 401, 403, 404, 405, 406, 413, 415, 431,
]);

/** Refusals about the transport itself (path, method, media types, size): the status is the whole answer. */
const TRANSPORT_STATUSES: ReadonlySet<number> = new Set([404, 405, 406, 413, 415, 431]);

const PRIVATE_KEY_MARKER = /PRIVATE KEY-----/;

function isGraphQLPath(path: string): boolean {
  return path === '/graphql' || path.startsWith('/graphql?');
}

function requestText(exchange: FuzzExchange): string {
  return `${exchange.request.path}\n${exchange.request.body ?? ''}`;
}

/** Why this answer is not a clear error, or undefined when it is. */
function unclearAnswer(exchange: FuzzExchange): string | undefined {
  const { request, status } = exchange;
  if (!isGraphQLPath(request.path) || request.method === 'HEAD' || status === 204) return undefined;
  if (TRANSPORT_STATUSES.has(status) && !exchange.contentType.includes('json')) return undefined;
  if (status === 200 && exchange.contentType.startsWith('text/html') && request.method === 'GET')
    return undefined;
  let body: unknown;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    return `HTTP ${status} with a body that is not JSON (${exchange.contentType})`;
  }
  if (typeof body !== 'object' || body === null)
    return `HTTP ${status} with a JSON body that is not an object`;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors === undefined) {
    return status === 200 && data !== undefined ? undefined : `HTTP ${status} without errors[]`;
  }
  if (!Array.isArray(errors) || errors.length === 0)
    return `HTTP ${status} with an empty or malformed errors[]`;
  for (const error of errors as unknown[]) {
    const message =
      typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
    if (typeof message !== 'string' || message.trim() === '')
      return `HTTP ${status} with an error without a message`;
  }
  return undefined;
}

/**
 * True when the answer holds a masked "Unexpected error." (INTERNAL_SERVER_ERROR with an errorId). The mask is for
 * failures the gateway did not foresee; the fuzzer only sends client mistakes to a healthy upstream, so every one
 * it meets is a mistake that should have been named (BAD_USER_INPUT, the upstream's code, …): a violation.
 */
export function hasMaskedUnexpectedError(exchange: FuzzExchange): boolean {
  // Only GraphQL answers: /metrics legitimately names the code in its counters' labels.
  return isGraphQLPath(exchange.request.path) && exchange.body.includes('"INTERNAL_SERVER_ERROR"');
}

/** Every property this exchange breaks, described; empty when it passes. */
export function fuzzViolations(exchange: FuzzExchange, secrets: StackSecrets): string[] {
  const violations: string[] = [];
  if (exchange.status >= 500) violations.push(`HTTP ${exchange.status} from the gateway`);
  else if (!DOCUMENTED_STATUSES.has(exchange.status)) violations.push(`undocumented HTTP ${exchange.status}`);
  for (const literal of secrets.literals) {
    if (exchange.body.includes(literal))
      violations.push('a credential of the upstream appears in the answer');
  }
  for (const slice of secrets.privateKeySlices) {
    if (exchange.body.includes(slice)) violations.push('a stored private key appears in the answer');
  }
  // A private key block the caller sent may come back in its own coercion error; any other is a leak.
  if (PRIVATE_KEY_MARKER.test(exchange.body) && !PRIVATE_KEY_MARKER.test(requestText(exchange))) {
    violations.push('a PEM private key block appears in the answer');
  }
  const unclear = unclearAnswer(exchange);
  if (unclear !== undefined) violations.push(unclear);
  if (hasMaskedUnexpectedError(exchange)) {
    violations.push('a masked "Unexpected error." instead of naming the client\'s mistake');
  }
  return violations;
}
