import type { jobsChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { JobRegistry } from './jobRegistry';

export {
  createJobRegistry,
  type Job,
  type JobProgress,
  type JobRegistry,
  type JobSummary,
} from './jobRegistry';

export function jobsHandlers(jobs: JobRegistry): HandlersFor<typeof jobsChannels> {
  return {
    'jobs.cancel': ({ id }) => ({ cancelled: jobs.cancel(id, 'cancelled by the user') }),
  };
}
