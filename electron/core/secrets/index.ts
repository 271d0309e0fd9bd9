export {
  createKeytarSecretStore,
  type KeytarLike,
  keychainServiceFor,
  keychainServiceName,
} from './keytarSecretStore';
