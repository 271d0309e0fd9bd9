export { type Database, openDatabase, schemaVersion } from './database';
export { type Migration, migrations } from './migrations';
export { inTransaction } from './transaction';
