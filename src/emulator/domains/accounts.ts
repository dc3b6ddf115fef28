// The accounts domain: companies and managers (./managers.ts) and benefit packages (./packages.ts).
import type { HandlerTable } from '../handler.ts';
import { managerHandlers } from './managers.ts';
import { packageHandlers } from './packages.ts';

export const accountHandlers: HandlerTable = { ...managerHandlers, ...packageHandlers };
