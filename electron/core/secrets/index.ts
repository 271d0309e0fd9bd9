export { createKeytarSecretStore, type KeytarLike, keychainServiceName } from './keytarSecretStore';
