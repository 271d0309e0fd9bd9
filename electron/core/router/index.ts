export { createRouter, type Handlers, type Router } from './router';
