export { AuthenticationTab } from './AuthenticationTab';
