export { OrganizationsTab } from './OrganizationsTab';
export { useOrganizationGrid } from './organizationStores';
