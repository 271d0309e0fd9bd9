export { useOfferGrid } from './offerStores';
export { ProductsTab } from './ProductsTab';
