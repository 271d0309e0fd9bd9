import { toConnectWiseDate } from '../../charge-dates';
import { cutToLength } from './additionValues';
import {
  companyOfLine,
  reasonToBlockOnAgreement,
  reasonToSkipLine,
  sameCurrency,
} from './blocking';
import { byLineId, compareLineIds, compareText } from './lineOrder';
import { agreementMarker } from './markers';
import type {
  AgreementTarget,
  AgreementToCheck,
  AgreementTypeDefaults,
  KnownAgreement,
  LineToPost,
  NewAgreement,
  PlanTargetsInput,
  PlanTargetsResult,
  SkippedLine,
} from './planTypes';
import {
  chosenAgreementNotOfCompanyReason,
  currencyMismatchReason,
  noDefaultContactReason,
} from './reasons';

/** ConnectWise keeps at most 100 characters of an Agreement's name. */
export const agreementNameMaxLength = 100;

/** "<Contract ID> – <Organization name>", cut to what ConnectWise keeps. */
export function newAgreementName(contractId: string, organizationName: string): string {
  return cutToLength(`${contractId} – ${organizationName}`, agreementNameMaxLength).trimEnd();
}

export function newAgreementKey(companyId: number, contractId: string): string {
  return `${companyId}|${contractId}`;
}

interface NewAgreementDraft {
  key: string;
  companyId: number;
  contactId: number;
  typeId: number;
  contractId: string;
  lines: LineToPost[];
}

/**
 * Each line's Company and target Agreement (posting-rules §2.1), with every blocking rule of §2.2
 * applied against that target. The result does not depend on the order of `input.lines`.
 */
export function planTargets(input: PlanTargetsInput): PlanTargetsResult {
  const agreementsByCompany = groupBy(input.agreements, (agreement) => agreement.companyId);
  const contactByCompany = new Map(
    input.companies.map((company) => [company.id, company.defaultContactId]),
  );
  const agreementType = input.agreementType;
  const options = { agreementTypeConfigured: agreementType !== null };

  const targets = new Map<string, AgreementTarget>();
  const skipped: SkippedLine[] = [];
  const drafts = new Map<string, NewAgreementDraft>();
  const needsAttention = (line: LineToPost, reason: string) =>
    skipped.push({ lineId: line.lineId, status: 'Needs attention', reason });

  for (const line of byLineId(input.lines)) {
    const lineSkipped = reasonToSkipLine(line, options);
    if (lineSkipped !== null) {
      skipped.push(lineSkipped);
      continue;
    }
    const companyId = companyOfLine(line);
    if (companyId === null || agreementType === null) {
      throw new Error(`Line ${line.lineId} passed the checks without a Company or Agreement Type.`);
    }
    const companyAgreements = agreementsByCompany.get(companyId) ?? [];

    let existing: KnownAgreement | null;
    if (line.chosenAgreementId !== null) {
      existing =
        companyAgreements.find((agreement) => agreement.id === line.chosenAgreementId) ?? null;
      if (existing === null) {
        needsAttention(line, chosenAgreementNotOfCompanyReason(line.chosenAgreementId, companyId));
        continue;
      }
    } else {
      existing = agreementCreatedForContract(line.contractId, companyAgreements);
    }
    if (existing !== null) {
      const reason = reasonToBlockOnAgreement(line, { ...existing, isNew: false });
      if (reason === null) targets.set(line.lineId, { kind: 'existing', agreementId: existing.id });
      else needsAttention(line, reason);
      continue;
    }

    const contactId = contactByCompany.get(companyId) ?? null;
    if (contactId === null) {
      needsAttention(line, noDefaultContactReason(companyId));
      continue;
    }
    const reason = reasonToBlockOnAgreement(line, newAgreementToCheck(line, agreementType));
    if (reason !== null) {
      needsAttention(line, reason);
      continue;
    }
    const key = newAgreementKey(companyId, line.contractId);
    const draft = drafts.get(key) ?? {
      key,
      companyId,
      contactId,
      typeId: agreementType.id,
      contractId: line.contractId,
      lines: [],
    };
    draft.lines.push(line);
    drafts.set(key, draft);
  }

  const newAgreements: NewAgreement[] = [];
  for (const draft of [...drafts.values()].sort((left, right) =>
    compareText(left.key, right.key),
  )) {
    const newAgreement = settleNewAgreement(draft, needsAttention);
    for (const lineId of newAgreement.lineIds) targets.set(lineId, { kind: 'new', key: draft.key });
    newAgreements.push(newAgreement.agreement);
  }

  const targetsInLineOrder = [...targets].sort(([left], [right]) => compareLineIds(left, right));
  return { targets: new Map(targetsInLineOrder), newAgreements, skipped: byLineId(skipped) };
}

/**
 * The new Agreement takes the currency of its first line (by line id); lines in another currency
 * are blocked. Its start date is the earliest Charge Start Date of the lines it will hold.
 */
function settleNewAgreement(
  draft: NewAgreementDraft,
  needsAttention: (line: LineToPost, reason: string) => void,
): { agreement: NewAgreement; lineIds: string[] } {
  const [firstLine, ...otherLines] = draft.lines;
  if (firstLine === undefined) throw new Error(`New Agreement ${draft.key} has no lines.`);
  const name = newAgreementName(draft.contractId, firstLine.organizationName);
  const posted = [firstLine];
  for (const line of otherLines) {
    if (sameCurrency(line.currency, firstLine.currency)) {
      posted.push(line);
      continue;
    }
    needsAttention(
      line,
      currencyMismatchReason({
        lineCurrency: line.currency,
        agreementCurrency: firstLine.currency,
        agreementName: name,
        isNew: true,
      }),
    );
  }
  const earliestStart =
    posted.map((line) => line.chargeStart).sort(compareText)[0] ?? firstLine.chargeStart;
  return {
    agreement: {
      key: draft.key,
      companyId: draft.companyId,
      contactId: draft.contactId,
      name,
      typeId: draft.typeId,
      startDate: toConnectWiseDate(earliestStart),
      currency: firstLine.currency,
      marker: agreementMarker(draft.contractId),
    },
    lineIds: posted.map((line) => line.lineId),
  };
}

/** The Agreement this app created for the Contract, found by its marker; the oldest of several. */
function agreementCreatedForContract(
  contractId: string,
  companyAgreements: readonly KnownAgreement[],
): KnownAgreement | null {
  const marker = agreementMarker(contractId);
  const created = companyAgreements
    .filter((agreement) => agreement.marker === marker)
    .sort((left, right) => left.id - right.id);
  return created[0] ?? null;
}

/**
 * A new Agreement as the blocking rules see it: active, not prorated, the type's billing cycle.
 * Its currency is left out here: it is settled once all of its lines are known.
 */
function newAgreementToCheck(line: LineToPost, type: AgreementTypeDefaults): AgreementToCheck {
  return {
    name: newAgreementName(line.contractId, line.organizationName),
    status: 'Active',
    cancelledFlag: false,
    currency: null,
    prorateFlag: false,
    billingCycle: type.billingCycle,
    billingStart: null,
    isNew: true,
  };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
