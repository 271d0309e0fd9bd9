export { MappingPage } from './MappingPage';
