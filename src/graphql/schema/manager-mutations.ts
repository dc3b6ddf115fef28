import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { ManagerRef, parseManagerId } from './manager.ts';
import { gatewayUserError, MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

const INPUT_ID = ['input', 'id'] as const;

/** The payload of a mutation that changes one manager: the manager as it is afterwards. */
interface ManagerChangeShape extends PayloadShape {
  readonly managerId: number | null;
}

interface ManagerDeleteShape extends PayloadShape {
  readonly deletedManagerId: number | null;
}

function managerChangePayload(name: string, mutation: string) {
  return payloadType<ManagerChangeShape>(name, `The result of ${mutation}.`, (t) => ({
    manager: t.field({
      type: ManagerRef,
      description: 'The manager as it is after the change, read afresh; null when the mutation failed.',
      resolve: async (payload, _args, context) => {
        if (payload.managerId === null) return null;
        const detail = await context.loaders.accounts.managerById.load(payload.managerId);
        return detail === null ? null : { id: payload.managerId, detail };
      },
    }),
  }));
}

function managerIdInput(name: string, description: string) {
  return builder.inputType(name, {
    description,
    fields: (t) => ({ id: t.id({ required: true, description: 'The manager ID.' }) }),
  });
}

const ManagerDeletePayload = payloadType<ManagerDeleteShape>(
  'ManagerDeletePayload',
  'The result of managerDelete.',
  (t) => ({
    deletedManagerId: t.id({
      description: 'The ID of the deleted manager; null when the deletion failed.',
      resolve: (payload) => (payload.deletedManagerId === null ? null : String(payload.deletedManagerId)),
    }),
  }),
);
const ManagerAuditSubmitPayload = managerChangePayload('ManagerAuditSubmitPayload', 'managerAuditSubmit');
const ManagerVerifyPayload = managerChangePayload('ManagerVerifyPayload', 'managerVerify');

const ManagerDeleteInput = managerIdInput('ManagerDeleteInput', 'Which manager to delete.');
const ManagerAuditSubmitInput = managerIdInput(
  'ManagerAuditSubmitInput',
  'Which manager to submit for review.',
);
const ManagerVerifyInput = managerIdInput('ManagerVerifyInput', 'Which manager to re-verify.');

type ManagerAction = 'DeleteManager' | 'SubmitAuditManager' | 'VerifyManager';

/** Runs a one-manager action; every error these actions document concerns the manager named by `input.id`. */
async function runOnManager(
  action: ManagerAction,
  rawId: string | number,
  context: GraphQLContext,
): Promise<ManagerChangeShape> {
  const managerId = parseManagerId(rawId);
  if (managerId === null) {
    return {
      managerId: null,
      ...gatewayUserError('INVALID_ID', 'A manager ID is a positive integer.', INPUT_ID),
    };
  }
  const outcome = await context.loaders.mutations.run(
    action,
    { ManagerId: managerId },
    { fieldOf: () => INPUT_ID },
  );
  return outcome.ok
    ? { managerId: outcome.response.ManagerId, userErrors: [] }
    : { managerId: null, userErrors: outcome.userErrors };
}

builder.mutationFields((t) => ({
  managerDelete: t.field({
    type: ManagerDeletePayload,
    description:
      'Deletes a company manager (DeleteManager). Refused while the manager is under review by the certificate ' +
      'authority (`FailedOperation.ManagerCanNotDeleteCa`) and once certificates were ordered with it ' +
      '(`FailedOperation.ManagerCanNotDeleteCert`).',
    args: { input: t.arg({ type: ManagerDeleteInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context) => {
      const { managerId, userErrors } = await runOnManager('DeleteManager', input.id, context);
      return { deletedManagerId: managerId, userErrors };
    },
  }),
  managerAuditSubmit: t.field({
    type: ManagerAuditSubmitPayload,
    description:
      'Submits a manager for review again (SubmitAuditManager), e.g. after its review failed. Refused with ' +
      '`FailedOperation.IllegalManagerStatus` when the manager is not in a state that can be submitted.',
    args: { input: t.arg({ type: ManagerAuditSubmitInput, required: true, description: MUTATION_INPUT }) },
    resolve: (_root, { input }, context) => runOnManager('SubmitAuditManager', input.id, context),
  }),
  managerVerify: t.field({
    type: ManagerVerifyPayload,
    description:
      'Re-verifies a manager whose verification is expiring or has expired (VerifyManager); the manager goes ' +
      'through review again.',
    args: { input: t.arg({ type: ManagerVerifyInput, required: true, description: MUTATION_INPUT }) },
    resolve: (_root, { input }, context) => runOnManager('VerifyManager', input.id, context),
  }),
}));
