// Shared plumbing of the certificate handlers.
import type { HandlerContext } from '../handler.ts';
import type { CertificateStore } from '../store/certificates.ts';

/** The certificate store, connected to this request's clock so due lifecycle transitions apply on read. */
export function certificateStore(ctx: HandlerContext): CertificateStore {
  ctx.state.certificates.connect(ctx.state, ctx.clock);
  return ctx.state.certificates;
}

/** Records one operation-log entry for the caller. */
export function logOperation(ctx: HandlerContext, certId: string, type: string): void {
  ctx.state.operationLogs.record({ certId, type, at: ctx.clock.now() });
}
