export {
  type DamagedDatabase,
  type Database,
  openDatabase,
  openDatabaseKeepingDamaged,
  schemaVersion,
} from './database';
export { containing, startingWith } from './likePattern';
export { type Migration, migrations } from './migrations';
export { inTransaction } from './transaction';
