/** Platform Organizations → ConnectWise Companies. */
import {
  type ComparableName,
  companyIdentifierForms,
  comparableCompanyName,
  distinct,
  identifierKey,
  remembered,
  sharesAny,
} from './comparableNames';
import { createIndexedSuggester, type Pairing, type Suggester } from './indexedSuggester';
import { nameSimilarity } from './nameSimilarity';
import { quotedList, type Suggestion, suggestion } from './suggestion';

export interface OrganizationToSuggestFor {
  /** The Platform id, e.g. "ORG-100002". */
  id: string;
  name: string;
}

export interface CompanyCandidate {
  id: number;
  name: string;
  /** The Company identifier (≤ 30 characters): often the condensed name, sometimes the Platform id. */
  identifier: string | null;
}

interface PreparedOrganization {
  id: string;
  name: ComparableName;
}

interface PreparedCompany {
  id: number;
  identifier: string;
  identifierForms: readonly string[];
  name: ComparableName;
}

function scorePrepared(
  organization: PreparedOrganization,
  company: PreparedCompany,
): Suggestion | null {
  if (organization.id !== '' && organization.id === company.identifier)
    return suggestion(company.id, 1, 'same identifier');
  const name = organization.name;
  if (name.keys.length === 0) return null;
  const named = company.name.keys.length > 0;
  if (named && name.trimmed === company.name.trimmed)
    return suggestion(company.id, 0.99, 'same name');
  if (sharesAny(name.condensed, company.identifierForms))
    return suggestion(company.id, 0.97, 'name matches the identifier');
  if (!named) return null;
  if (sharesAny(name.plains, company.name.plains))
    return suggestion(company.id, 0.95, 'same name ignoring case, accents and punctuation');
  if (sharesAny(name.keys, company.name.keys)) {
    const removed = quotedList(distinct([...name.removed, ...company.name.removed]));
    return suggestion(company.id, 0.9, `same name after removing ${removed}`);
  }
  const similarity = nameSimilarity(name.words, company.name.words);
  return (
    similarity &&
    suggestion(
      company.id,
      similarity.confidence,
      `similar name (${similarity.sharedWords} of ${similarity.words} words)`,
    )
  );
}

interface Folding {
  name(text: string | null | undefined): ComparableName;
  identifierForms(text: string | null | undefined): readonly string[];
}
const foldEachTime: Folding = {
  name: comparableCompanyName,
  identifierForms: companyIdentifierForms,
};
const foldRemembering: Folding = {
  name: remembered(comparableCompanyName),
  identifierForms: remembered(companyIdentifierForms),
};

function prepareOrganization(
  organization: OrganizationToSuggestFor,
  fold: Folding,
): PreparedOrganization {
  return { id: identifierKey(organization.id), name: fold.name(organization.name) };
}

function prepareCompany(company: CompanyCandidate, fold: Folding): PreparedCompany {
  return {
    id: company.id,
    identifier: identifierKey(company.identifier),
    identifierForms: fold.identifierForms(company.identifier),
    name: fold.name(company.name),
  };
}

const noKeys: readonly string[] = [];

const organizationPairing: Pairing<
  OrganizationToSuggestFor,
  CompanyCandidate,
  PreparedOrganization,
  PreparedCompany
> = {
  prepareSubject: (organization) => prepareOrganization(organization, foldEachTime),
  prepareCandidate: (company) => prepareCompany(company, foldEachTime),
  candidateId: ({ id }) => id,
  score: scorePrepared,
  subjectKeys: ({ id, name }) => [id === '' ? noKeys : [id], name.forms, name.condensed],
  candidateKeys: ({ identifier, identifierForms, name }) => [
    identifier === '' ? noKeys : [identifier],
    name.forms,
    identifierForms,
  ],
  subjectWords: ({ name }) => name.words,
  candidateWords: ({ name }) => [name.words],
};

/** How well `company` fits `organization`; null when it does not (below 0.5). */
export function scoreOrganization(
  organization: OrganizationToSuggestFor,
  company: CompanyCandidate,
): Suggestion | null {
  return scorePrepared(
    prepareOrganization(organization, foldRemembering),
    prepareCompany(company, foldRemembering),
  );
}

/**
 * Indexes `companies` once; `suggest` then gives what scoring every Company with
 * `scoreOrganization` and keeping the best would.
 */
export function createOrganizationSuggester(
  companies: readonly CompanyCandidate[],
): Suggester<OrganizationToSuggestFor> {
  return createIndexedSuggester(organizationPairing, companies);
}
