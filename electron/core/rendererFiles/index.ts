export { readRendererFile } from './rendererFiles';
