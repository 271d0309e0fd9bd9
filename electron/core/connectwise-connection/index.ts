export {
  type ConnectWiseConnector,
  type Credentials,
  createCredentials,
  keychainAccount,
} from './credentials';
