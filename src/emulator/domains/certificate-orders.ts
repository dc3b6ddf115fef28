// Applying for, ordering, validating, cancelling, reissuing and revoking certificates: the domain's one
// handler table, composed from the lifecycle stages' tables.
import type { HandlerTable } from '../handler.ts';
import { certificateApplicationHandlers } from './certificate-applications.ts';
import { certificateInformationHandlers } from './certificate-information.ts';
import { certificateRevocationHandlers } from './certificate-revocation.ts';
import { certificateValidationHandlers } from './certificate-validation.ts';

export const certificateOrderHandlers: HandlerTable = {
  ...certificateApplicationHandlers,
  ...certificateInformationHandlers,
  ...certificateValidationHandlers,
  ...certificateRevocationHandlers,
};
