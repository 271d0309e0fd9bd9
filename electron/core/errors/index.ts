export { AppError } from './appError';
