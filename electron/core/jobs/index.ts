export {
  createJobRegistry,
  type Job,
  type JobProgress,
  type JobRegistry,
  type JobSummary,
} from './jobRegistry';
