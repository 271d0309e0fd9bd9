export { type Configuration, createConfiguration } from './configuration';
