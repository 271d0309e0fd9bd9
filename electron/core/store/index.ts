export { type Database, openDatabase, schemaVersion } from './database';
export { containing, startingWith } from './likePattern';
export { type Migration, migrations } from './migrations';
export { inTransaction } from './transaction';
