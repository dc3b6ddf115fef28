import type { SslActionName } from '../ssl/actions.ts';
import { accountHandlers } from './domains/accounts.ts';
import { bindTaskHandlers } from './domains/bind-tasks.ts';
import { certificateManagementHandlers } from './domains/certificate-management.ts';
import { certificateOrderHandlers } from './domains/certificate-orders.ts';
import { deployRecordHandlers } from './domains/deploy-records.ts';
import { resourceHandlers } from './domains/resources.ts';
import { updateRecordHandlers } from './domains/update-records.ts';
import { uploadUpdateRecordHandlers } from './domains/upload-update-records.ts';
import type { HandlerTable } from './handler.ts';

/** Each domain's table under its file name, so a clash names both owners. */
export const DOMAIN_HANDLER_TABLES: Readonly<Record<string, HandlerTable>> = {
  'certificate-orders': certificateOrderHandlers,
  'certificate-management': certificateManagementHandlers,
  accounts: accountHandlers,
  resources: resourceHandlers,
  'deploy-records': deployRecordHandlers,
  'update-records': updateRecordHandlers,
  'upload-update-records': uploadUpdateRecordHandlers,
  'bind-tasks': bindTaskHandlers,
};

/** Merges the domain tables; an action served by two domains is a wiring mistake, refused at load time. */
export function mergeHandlerTables(tables: Readonly<Record<string, HandlerTable>>): HandlerTable {
  const merged: HandlerTable = {};
  const ownerOf = new Map<string, string>();
  for (const [domain, table] of Object.entries(tables)) {
    for (const action of Object.keys(table) as SslActionName[]) {
      const previous = ownerOf.get(action);
      if (previous !== undefined) throw new Error(`${action} is served by both ${previous} and ${domain}`);
      ownerOf.set(action, domain);
      Object.assign(merged, { [action]: table[action] });
    }
  }
  return merged;
}

/** Every action the emulator serves, from all domains. */
export const ALL_HANDLERS: HandlerTable = mergeHandlerTables(DOMAIN_HANDLER_TABLES);
