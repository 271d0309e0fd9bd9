export { type AuditEntry, type AuditLog, createAuditLog, type StoredAuditEntry } from './auditLog';
export {
  createSystemLog,
  type LogLevel,
  logRetentionDays,
  type StoredLogEntry,
  type SystemLog,
  type SystemLogEntry,
} from './systemLog';
