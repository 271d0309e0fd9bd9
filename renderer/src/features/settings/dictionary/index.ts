export { DictionaryTab } from './DictionaryTab';
