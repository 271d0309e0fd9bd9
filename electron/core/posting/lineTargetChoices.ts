import type { LineTargetChoices } from '@shared/contract';
import type { ConnectWiseConnection } from '../connectwise-connection';
import { AppError } from '../errors';
import type { Mapping } from '../mapping';
import type { PlatformData } from '../platform-data';
import { agreementsOfCompanies } from './connectwiseReads';
import { sameCurrency } from './plan';

export interface LineTargetChoicesDeps {
  connectwiseConnection: Pick<ConnectWiseConnection, 'client'>;
  platformData: Pick<PlatformData, 'linesForPosting'>;
  mapping: Pick<Mapping, 'postingFacts'>;
}

/**
 * The PSA Organizations an unsynced line may go to (its Organization's Companies) and, for one of
 * them, the Agreements it may be posted on: active, in the line's currency (docs/product.md §4.3).
 */
export async function lineTargetChoices(
  deps: LineTargetChoicesDeps,
  input: { period: string; lineId: string; companyId?: number },
): Promise<LineTargetChoices> {
  const [line] = deps.platformData.linesForPosting(input.period, [input.lineId]);
  if (!line) {
    throw new AppError(
      'Not Found',
      'This line is synced or no longer loaded: synced lines are changed in ConnectWise itself.',
    );
  }
  const facts = deps.mapping.postingFacts([line.organizationId], [line.offerId]);
  const companyIds = facts.companiesByOrganization.get(line.organizationId) ?? [];
  const companies = companyIds.map((id) => ({
    id,
    name: facts.companies.get(id)?.name ?? `Company ${id}`,
  }));
  const wanted =
    input.companyId ?? line.chosenCompanyId ?? (companyIds.length === 1 ? companyIds[0] : null);
  const companyId =
    wanted !== undefined && wanted !== null && companyIds.includes(wanted) ? wanted : null;
  const base = { companies, companyId, currency: line.currency };
  if (companyId === null) return { ...base, agreements: [], agreementsError: null };
  try {
    const client = await deps.connectwiseConnection.client();
    const byCompany = await agreementsOfCompanies(client, [companyId], AbortSignal.timeout(60_000));
    const agreements = (byCompany.get(companyId) ?? [])
      .filter(
        (agreement) =>
          !agreement.cancelledFlag &&
          (agreement.status === null || agreement.status === 'Active') &&
          (agreement.currency === null || sameCurrency(agreement.currency, line.currency)),
      )
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { ...base, agreements, agreementsError: null };
  } catch (error) {
    // The Companies are known here; only the Agreements need ConnectWise, so the dialog stays.
    const reason =
      error instanceof AppError ? `${error.kind}: ${error.message}` : 'no answer in time';
    return {
      ...base,
      agreements: [],
      agreementsError: `The Agreements could not be read from ConnectWise (${reason}).`,
    };
  }
}
