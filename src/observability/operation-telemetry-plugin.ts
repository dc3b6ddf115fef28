import { type DocumentNode, type ExecutionResult, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AuthSession } from '../graphql/auth/session.ts';
import { CLIENT_CLOSED_REQUEST } from '../graphql/loaders/upstream-errors.ts';
import type { SslCallEvent } from '../ssl/actions.ts';
import { HostRefusals, isHostRefusal } from './host-refusals.ts';
import type { RequestOperations } from './operation-record.ts';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.ts';
import type { GatewayTelemetry } from './telemetry.ts';

/** What GraphQL allows as an operation name; anything else a client sends is not echoed into logs or labels. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

interface OperationOutcome {
  readonly errorCodes: string[];
  readonly errorIds: string[];
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT;
}

function outcomeOf(results: readonly ExecutionResult[]): OperationOutcome {
  const outcome: OperationOutcome = { errorCodes: [], errorIds: [] };
  for (const result of results) {
    for (const error of result.errors ?? []) {
      const { code, errorId } = error.extensions ?? {};
      outcome.errorCodes.push(typeof code === 'string' ? code : 'UNKNOWN');
      if (typeof errorId === 'string') outcome.errorIds.push(errorId);
    }
  }
  return outcome;
}

function describeUpstreamCall(event: SslCallEvent): Record<string, unknown> {
  return {
    action: event.action,
    outcome: event.outcome,
    durationMs: Math.round(event.durationMs * 10) / 10,
    ...(event.retries > 0 ? { retries: event.retries } : {}),
    ...(event.coalesced ? { coalesced: true } : {}),
    ...(event.errorCode === undefined ? {} : { errorCode: event.errorCode }),
    ...(event.requestId === undefined ? {} : { requestId: event.requestId }),
  };
}

/**
 * One log line and one set of metric observations per GraphQL operation, under the request's id (answered in
 * X-Request-Id on every response) and, once authenticated, its caller. Each request to the GraphQL endpoint
 * gets an operation record in `operations`; the request's context passes it to its loaders, so the upstream
 * calls and the batch sizes made on its behalf are attributed to it. Batching (several operations per HTTP
 * request) is off in this gateway, so a request is an operation.
 */
export function useOperationTelemetry(
  telemetry: GatewayTelemetry,
  graphqlEndpoint: string,
  operations: RequestOperations,
): Plugin {
  const logger = telemetry.logger.child({ component: 'graphql' });
  const hostRefusals = new HostRefusals(logger, telemetry.metrics);
  const markExecuted = (context: { request: Request; auth?: AuthSession }): void => {
    const record = operations.of(context.request);
    if (record === undefined) return;
    record.executed = true;
    record.subject = context.auth?.subject;
  };
  return {
    instrumentation: {
      request({ request }, wrapped) {
        if (new URL(request.url).pathname === graphqlEndpoint) {
          operations.start(request, {
            startedAt: performance.now(),
            requestId: requestIdOf(request),
            subject: undefined,
            operationName: undefined,
            operationType: undefined,
            executed: false,
            upstreamCalls: [],
            batchSink: (loaderName, size) => telemetry.metrics.observeBatch(loaderName, size),
          });
        }
        return wrapped();
      },
    },
    onParams({ params, request }) {
      const record = operations.of(request);
      // operationName is client input: RegExp.test would coerce a boolean `true` to the valid name "true".
      const name: unknown = params.operationName;
      if (record !== undefined && typeof name === 'string' && GRAPHQL_NAME.test(name)) {
        record.operationName = name;
      }
    },
    onParse({ context }) {
      const record = operations.of(context.request);
      return ({ result }) => {
        if (record === undefined || !isDocument(result)) return;
        const operation = getOperationAST(result, record.operationName);
        if (operation === null || operation === undefined) return;
        record.operationType = operation.operation;
        record.operationName = operation.name?.value ?? record.operationName;
      };
    },
    onExecute({ args }) {
      markExecuted(args.contextValue);
    },
    onSubscribe({ args }) {
      markExecuted(args.contextValue);
    },
    onResponse({ request, response }) {
      const requestId = operations.of(request)?.requestId ?? requestIdOf(request);
      response.headers.set(REQUEST_ID_HEADER, requestId);
      // Refused by the host check before any other hook ran: nothing else would ever say so.
      if (response.status !== 403) return;
      return isHostRefusal(response).then((refused) => {
        if (refused) hostRefusals.record(new URL(request.url).hostname, requestId);
      });
    },
    onResultProcess({ request, result }) {
      const record = operations.of(request);
      if (record === undefined) return;
      const durationMs = performance.now() - record.startedAt;
      // A stream (subscription) is logged when it starts; its later events belong to the stream, not here.
      const results: readonly ExecutionResult[] =
        Symbol.asyncIterator in result ? [] : Array.isArray(result) ? result : [result as ExecutionResult];
      const outcome = outcomeOf(results);
      telemetry.metrics.observeOperation({
        operationName: record.operationName,
        operationType: record.operationType,
        executed: record.executed,
        durationMs,
        errorCodes: outcome.errorCodes,
      });
      // A client that went away is no failure of the gateway's: info, and said so, rather than warn or error.
      const clientClosed =
        outcome.errorCodes.length > 0 && outcome.errorCodes.every((code) => code === CLIENT_CLOSED_REQUEST);
      const level =
        outcome.errorIds.length > 0
          ? 'error'
          : clientClosed
            ? 'info'
            : outcome.errorCodes.length > 0
              ? 'warn'
              : 'info';
      // The line lists every upstream call: not built where nothing would write it (logging off, level above).
      if (!logger.isLevelEnabled(level)) return;
      const line = {
        requestId: record.requestId,
        ...(typeof record.subject === 'string' ? { subject: record.subject } : {}),
        operationName: record.operationName ?? null,
        operationType: record.operationType ?? null,
        durationMs: Math.round(durationMs * 10) / 10,
        upstreamCallCount: record.upstreamCalls.length,
        upstreamCalls: record.upstreamCalls.map(describeUpstreamCall),
        ...(outcome.errorCodes.length > 0 ? { errorCodes: outcome.errorCodes } : {}),
        ...(outcome.errorIds.length > 0 ? { errorIds: outcome.errorIds } : {}),
        ...(clientClosed ? { outcome: 'client-closed-request' } : {}),
      };
      logger[level](line, 'graphql operation');
    },
  };
}
