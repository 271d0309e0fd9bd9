export { createFileInbox, type FileInbox, type InboxFile, maxExportFileBytes } from './fileInbox';
