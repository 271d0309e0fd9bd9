export { AppError, type HttpExchange, isCancellation } from './appError';
