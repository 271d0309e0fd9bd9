export { AppError, isCancellation } from './appError';
