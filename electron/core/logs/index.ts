import type { logsChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { SystemLog } from './systemLog';

export { type AuditEntry, type AuditLog, createAuditLog, type StoredAuditEntry } from './auditLog';
export {
  createSystemLog,
  logRetentionDays,
  type SystemLog,
  type SystemLogEntry,
} from './systemLog';
export { troubleshootingFor } from './troubleshooting';

export function logsHandlers(systemLog: SystemLog): HandlersFor<typeof logsChannels> {
  return {
    'logs.summary': () => systemLog.summary(),
    'logs.page': (query) => systemLog.page(query),
    'logs.entry': ({ id }) => systemLog.entry(id),
    'logs.exportCsv': (filter) => systemLog.exportCsv(filter),
  };
}
