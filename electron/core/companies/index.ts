export { type CompanyDirectory, createCompanyDirectory } from './companyDirectory';
