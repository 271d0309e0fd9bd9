export {
  createKeytarSecretStore,
  createMemorySecretStore,
  type KeytarLike,
  keychainServiceFor,
  keychainServiceName,
} from './keytarSecretStore';
