import type { companiesChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { CompanyDirectory } from './companyDirectory';

export { type CompanyDirectory, createCompanyDirectory } from './companyDirectory';

export function companiesHandlers(
  companies: CompanyDirectory,
): HandlersFor<typeof companiesChannels> {
  return {
    'companies.pull': async () => ({ companies: await companies.pull() }),
  };
}
