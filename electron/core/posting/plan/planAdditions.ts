import { toConnectWiseDate } from '../../charge-dates';
import { additionValues, holdsQuantities, holdsValues, valuesOfFound } from './additionValues';
import { asConnectWiseDate, calendarDayOf, dayBefore, earlierDate } from './calendarDays';
import { byLineId, compareLineIds, compareText } from './lineOrder';
import { isRecurring, lineMarker, recurringMarker } from './markers';
import type {
  AdditionOperation,
  AdditionValues,
  AgreementTarget,
  FoundAddition,
  LineToPost,
  MarkersToLookUp,
  MonthDriver,
  PlanAdditionsInput,
  RecurringChanges,
} from './planTypes';

/** What one marker on one target Agreement settles: a one-time line, or a recurring key's lines. */
interface Posting {
  target: AgreementTarget;
  marker: string;
  kind: 'one-time' | 'recurring';
  /** One-time: its line. Recurring: the line driving each month, oldest month first. */
  lines: LineToPost[];
}

/**
 * The Addition operations of a run (posting-rules §1, §3.4). One-time lines get one Addition each;
 * each recurring key keeps one persistent Addition per target Agreement, driven in each month by
 * the line whose charge period ends last (§1.4, the others post as one-time Additions). Lines of
 * several months are applied month by month, so the last month's line gives the final values and
 * the effective date stays that of the Addition found, or of the first month's line.
 * Operations come grouped per Agreement (§5.2); the result does not depend on input order.
 */
export function planAdditions(input: PlanAdditionsInput): AdditionOperation[] {
  const foundByMarker = groupFound(input.found);
  return postingsOf(input.lines, input.targets, input.monthDrivers).flatMap((posting) => {
    const found =
      posting.target.kind === 'existing'
        ? (foundByMarker.get(foundKey(posting.target.agreementId, posting.marker)) ?? [])
        : [];
    return posting.kind === 'one-time'
      ? [oneTimeOperation(posting, found)]
      : recurringOperations(posting, found, input.options.recurringChanges);
  });
}

/** The markers to look up on each existing target Agreement before writing (posting-rules §3.4). */
export function markersToLookUp(
  input: Pick<PlanAdditionsInput, 'lines' | 'targets' | 'monthDrivers'>,
): MarkersToLookUp[] {
  const markersByAgreement = new Map<number, Set<string>>();
  for (const posting of postingsOf(input.lines, input.targets, input.monthDrivers)) {
    if (posting.target.kind !== 'existing') continue;
    const markers = markersByAgreement.get(posting.target.agreementId) ?? new Set<string>();
    markers.add(posting.marker);
    markersByAgreement.set(posting.target.agreementId, markers);
  }
  return [...markersByAgreement]
    .sort(([left], [right]) => left - right)
    .map(([agreementId, markers]) => ({ agreementId, markers: [...markers].sort() }));
}

/**
 * The line driving each month's recurring Addition among `lines` (§1.4): of the lines of one
 * recurring key in one invoice month, the one whose charge period ends last.
 */
export function monthDrivers(
  lines: ReadonlyArray<
    Pick<
      LineToPost,
      'lineId' | 'period' | 'subscriptionId' | 'chargeType' | 'chargeStart' | 'chargeEnd'
    >
  >,
): MonthDriver[] {
  const drivers = new Map<string, (typeof lines)[number] & { marker: string }>();
  for (const line of lines) {
    if (!isRecurring(line.chargeType)) continue;
    const marker = recurringMarker(line.subscriptionId, line.chargeType);
    const key = `${line.period}\n${marker}`;
    const best = drivers.get(key);
    if (best === undefined || drivesBefore(line, best)) drivers.set(key, { ...line, marker });
  }
  return [...drivers.values()].map(({ period, marker, lineId }) => ({ period, marker, lineId }));
}

/** The postings of the lines that have a target, grouped per Agreement, then by first line id. */
function postingsOf(
  lines: readonly LineToPost[],
  targets: ReadonlyMap<string, AgreementTarget>,
  monthDrivers: readonly MonthDriver[] = [],
): Posting[] {
  const placed = byLineId(lines).flatMap((line) => {
    const target = targets.get(line.lineId);
    return target === undefined ? [] : [{ line, target }];
  });
  const driverOfMonth = new Map(
    monthDrivers.map(({ period, marker, lineId }) => [`${period}\n${marker}`, lineId]),
  );

  const monthsOfRecurringKey = new Map<
    string,
    { target: AgreementTarget; marker: string; lines: LineToPost[] }
  >();
  for (const { line, target } of placed) {
    if (!isRecurring(line.chargeType)) continue;
    const marker = recurringMarker(line.subscriptionId, line.chargeType);
    const driver = driverOfMonth.get(`${line.period}\n${marker}`);
    if (driver !== undefined && driver !== line.lineId) continue;
    const key = `${targetKey(target)}\n${marker}\n${line.period}`;
    const month = monthsOfRecurringKey.get(key) ?? { target, marker, lines: [] };
    month.lines.push(line);
    monthsOfRecurringKey.set(key, month);
  }

  const drivers = new Set<string>();
  const recurring = new Map<string, Posting>();
  for (const { target, marker, lines: monthLines } of monthsOfRecurringKey.values()) {
    const driver = monthLines.reduce((best, line) => (drivesBefore(line, best) ? line : best));
    drivers.add(driver.lineId);
    const key = `${targetKey(target)}\n${marker}`;
    const posting = recurring.get(key) ?? { target, marker, kind: 'recurring' as const, lines: [] };
    posting.lines.push(driver);
    recurring.set(key, posting);
  }
  for (const posting of recurring.values()) {
    posting.lines.sort((left, right) => compareText(left.period, right.period));
  }

  const oneTime: Posting[] = placed
    .filter(({ line }) => !drivers.has(line.lineId))
    .map(({ line, target }) => ({
      target,
      marker: lineMarker(line),
      kind: 'one-time',
      lines: [line],
    }));

  return [...oneTime, ...recurring.values()].sort(comparePostings);
}

/**
 * §1.4: the line whose charge period ends last drives the recurring Addition. Ties go to the
 * line that starts first (it covers more of the month), then to the lowest line id.
 */
function drivesBefore(
  line: Pick<LineToPost, 'lineId' | 'chargeStart' | 'chargeEnd'>,
  other: Pick<LineToPost, 'lineId' | 'chargeStart' | 'chargeEnd'>,
): boolean {
  if (line.chargeEnd !== other.chargeEnd) return line.chargeEnd > other.chargeEnd;
  if (line.chargeStart !== other.chargeStart) return line.chargeStart < other.chargeStart;
  return compareLineIds(line.lineId, other.lineId) < 0;
}

/** A one-time Addition found by marker is adopted as it is (§3.4): it is never changed. */
function oneTimeOperation(posting: Posting, found: readonly FoundAddition[]): AdditionOperation {
  const [line] = posting.lines;
  if (line === undefined) throw new Error(`Posting ${posting.marker} has no line.`);
  const values = additionValues(line);
  const lineIds = [line.lineId];
  const [oldest] = found;
  if (oldest === undefined) {
    return { op: 'create', target: posting.target, marker: posting.marker, values, lineIds };
  }
  const foundValues = valuesOfFound(oldest);
  return {
    op: 'adopt',
    agreementId: oldest.agreementId,
    additionId: oldest.id,
    marker: posting.marker,
    values,
    lineIds,
    ...(holdsValues(foundValues, values) ? {} : { foundValues }),
  };
}

/** One stretch of a recurring Addition: the one found in ConnectWise, or one this run creates. */
interface Segment {
  found: FoundAddition | null;
  values: AdditionValues | null;
  lineIds: string[];
}

/**
 * The persistent Addition of a recurring key, brought up to date month by month (§1.3). With
 * "Keep history", a change of product, quantity or price that starts after the current stretch
 * began ends that stretch the day before and opens a new one under the same marker.
 */
function recurringOperations(
  posting: Posting,
  found: readonly FoundAddition[],
  recurringChanges: RecurringChanges,
): AdditionOperation[] {
  const current = recurringChanges === 'keepHistory' ? latestStretch(found) : found[0];
  const segments: Segment[] =
    current === undefined ? [] : [{ found: current, values: null, lineIds: [] }];

  for (const line of posting.lines) {
    const values = additionValues(line);
    const segment = segments.at(-1);
    if (segment === undefined) {
      segments.push({ found: null, values, lineIds: [line.lineId] });
      continue;
    }
    const held = segment.values ?? (segment.found && completeValues(segment.found));
    const startsNewStretch =
      recurringChanges === 'keepHistory' &&
      held !== null &&
      line.chargeStart > calendarDayOf(held.effectiveDate) &&
      !holdsQuantities(held, values);
    if (startsNewStretch) {
      const lastDay = toConnectWiseDate(dayBefore(line.chargeStart));
      segment.values = { ...held, cancelledDate: earlierDate(held.cancelledDate, lastDay) };
      // The found Addition must be cut for this line's history to hold, so it settles it too.
      if (segment.found !== null) segment.lineIds.push(line.lineId);
      segments.push({ found: null, values, lineIds: [line.lineId] });
    } else {
      segment.values = { ...values, effectiveDate: keptEffectiveDate(segment, values) };
      segment.lineIds.push(line.lineId);
    }
  }

  return segments.map((segment) => {
    const values = segment.values;
    if (values === null) throw new Error(`Recurring Addition ${posting.marker} has no line.`);
    const lineIds = [...segment.lineIds].sort(compareLineIds);
    if (segment.found === null) {
      return { op: 'create', target: posting.target, marker: posting.marker, values, lineIds };
    }
    const from = valuesOfFound(segment.found);
    const identity = {
      agreementId: segment.found.agreementId,
      additionId: segment.found.id,
      marker: posting.marker,
    };
    return holdsValues(from, values)
      ? { op: 'adopt', ...identity, values, lineIds }
      : { op: 'update', ...identity, from, to: values, lineIds };
  });
}

/** The effective date stays that of the first line ever posted to the Addition (§1.3). */
function keptEffectiveDate(segment: Segment, values: AdditionValues): string {
  if (segment.values !== null) return segment.values.effectiveDate;
  const foundEffectiveDate = segment.found?.effectiveDate;
  return foundEffectiveDate === undefined
    ? values.effectiveDate
    : asConnectWiseDate(foundEffectiveDate);
}

/** A found Addition's values when ConnectWise returned all of them; a missing cost is none. */
function completeValues(found: FoundAddition): AdditionValues | null {
  const { productId, quantity, unitPrice, effectiveDate, cancelledDate, invoiceDescription } =
    found;
  if (
    productId === undefined ||
    quantity === undefined ||
    unitPrice === undefined ||
    effectiveDate === undefined ||
    cancelledDate === undefined ||
    invoiceDescription === undefined
  ) {
    return null;
  }
  return {
    productId,
    quantity,
    unitPrice,
    unitCost: found.unitCost ?? null,
    effectiveDate: asConnectWiseDate(effectiveDate),
    cancelledDate: asConnectWiseDate(cancelledDate),
    invoiceDescription,
  };
}

/**
 * With "Keep history" one marker may hold several stretches; the current one starts last. Of
 * duplicates starting the same day, the oldest (lowest id) counts (§3.6).
 */
function latestStretch(found: readonly FoundAddition[]): FoundAddition | undefined {
  return [...found].sort((left, right) => {
    const leftStart = calendarDayOf(left.effectiveDate ?? '');
    const rightStart = calendarDayOf(right.effectiveDate ?? '');
    return leftStart === rightStart ? left.id - right.id : compareText(rightStart, leftStart);
  })[0];
}

/** Found Additions per Agreement and marker, oldest (lowest id) first. */
function groupFound(found: readonly FoundAddition[]): Map<string, FoundAddition[]> {
  const groups = new Map<string, FoundAddition[]>();
  for (const addition of [...found].sort((left, right) => left.id - right.id)) {
    const key = foundKey(addition.agreementId, addition.marker);
    groups.set(key, [...(groups.get(key) ?? []), addition]);
  }
  return groups;
}

function foundKey(agreementId: number, marker: string): string {
  return `${agreementId}\n${marker}`;
}

function targetKey(target: AgreementTarget): string {
  return target.kind === 'existing' ? `existing:${target.agreementId}` : `new:${target.key}`;
}

/** Existing Agreements by id, then new ones by key; within one, by first line id. */
function comparePostings(left: Posting, right: Posting): number {
  return (
    compareTargets(left.target, right.target) ||
    compareLineIds(firstLineId(left), firstLineId(right)) ||
    compareText(left.marker, right.marker)
  );
}

function compareTargets(left: AgreementTarget, right: AgreementTarget): number {
  if (left.kind === 'existing' && right.kind === 'existing') {
    return left.agreementId - right.agreementId;
  }
  if (left.kind === 'new' && right.kind === 'new') return compareText(left.key, right.key);
  return left.kind === 'existing' ? -1 : 1;
}

function firstLineId(posting: Posting): string {
  return byLineId(posting.lines)[0]?.lineId ?? '';
}
