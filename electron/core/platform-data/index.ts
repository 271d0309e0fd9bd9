import type { platformDataChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { PlatformData } from './platformData';

export type { StoredLine } from './invoiceLineQueries';
export {
  currentAndPreviousPeriods,
  keptMonths,
  oldestKeptPeriod,
  periodBounds,
  periodOf,
} from './invoicePeriods';
export type { PostableLine, ShownLine } from './invoiceRows';
export { createPlatformData, type PlatformData, type PlatformDataDeps } from './platformData';

export function platformDataHandlers(
  platformData: PlatformData,
): HandlersFor<typeof platformDataChannels> {
  return {
    'platformData.periods': () => platformData.periods(),
    'platformData.loadChoices': () => platformData.loadChoices(),
    'platformData.load': (input) => platformData.load(input),
    'platformData.page': (query) => platformData.page(query),
    'platformData.editLines': (input) => platformData.editLines(input),
  };
}
