export { createRouter, type Handlers, type HandlersFor, type Router } from './router';
