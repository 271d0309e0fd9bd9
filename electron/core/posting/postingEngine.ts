import type {
  AdditionMarkerField,
  MappingAccess,
  PostingPreview,
  PostingScope,
  PostingSummary,
  SavedConfiguration,
} from '@shared/contract';
import { toConnectWiseDate } from '../charge-dates';
import type { AdditionDraft, ConnectWiseClient } from '../connectwise';
import { ConnectWiseError } from '../connectwise';
import type { ConnectWiseConnection } from '../connectwise-connection';
import { AppError, isCancellation } from '../errors';
import type { Job, JobRegistry } from '../jobs';
import type { AuditLog, SystemLog } from '../logs';
import type { Mapping } from '../mapping';
import type { PlatformData, PostableLine, ShownLine } from '../platform-data';
import {
  additionsByMarker,
  additionsWithMarker,
  agreementsOfCompanies,
  agreementTypeDefaults,
  agreementWithMarker,
  markerFieldsOf,
  oldestWithMarker,
} from './connectwiseReads';
import {
  type AdditionOperation,
  type AdditionValues,
  type AgreementTarget,
  type Cancellation,
  type FoundAddition,
  isRecurring,
  type KnownAgreement,
  type LineToPost,
  lineMarker,
  type MonthDriver,
  markersToLookUp,
  monthDrivers,
  type NewAgreement,
  newAgreementKey,
  planAdditions,
  planTargets,
  recurringMarker,
  sameCurrency,
  vanishedSubscriptions,
} from './plan';
import type { PostingTables, SentValues } from './postingTables';

export interface PostingEngineDeps {
  jobs: JobRegistry;
  tables: PostingTables;
  connectwiseConnection: Pick<ConnectWiseConnection, 'client' | 'current'>;
  platformData: Pick<PlatformData, 'linesForPosting' | 'syncedAmong' | 'newestMonth'>;
  mapping: Pick<Mapping, 'postingFacts'>;
  configuration: { get(): SavedConfiguration | null };
  access: () => MappingAccess;
  systemLog: SystemLog;
  audit: AuditLog;
  now: () => Date;
  osUserName: () => string;
}

/** A run: the scope, and whether (and which) vanished subscriptions' Additions to cancel. */
type RunInput = PostingScope & { confirmCancellations: boolean; confirmedMarkers?: string[] };

/** Operations in flight at once; the client's limiter paces them to the server. */
const parallelWrites = 16;
/** Attempts at a write whose outcome stayed unknown, each after a look-up (§3.5, §5.3). */
const writeAttempts = 3;

/** Everything a run decided before writing: the preview shows exactly this. */
interface Prepared {
  client: ConnectWiseClient;
  /** Where Additions carry their marker, and Agreements theirs (docs/posting-rules.md §3.2). */
  markerField: AdditionMarkerField;
  agreementMarkerField: SavedConfiguration['agreementMarkerField'];
  lines: Map<string, LineToPost>;
  /** The Platform's own Charge End Date of each line (before rules and edits). */
  platformChargeEnds: Map<string, string>;
  agreements: Map<number, KnownAgreement>;
  newAgreements: NewAgreement[];
  operations: AdditionOperation[];
  cancellations: Cancellation[];
  skipped: PostingPreview['skipped'];
  companyNames: Map<number, string>;
  /** The catalog item's name, as the grid's "PSA Product Name" shows it. */
  productNames: Map<number, string>;
  /** Each line's dates and charge-type name as the grid showed them when it was sent. */
  shownLines: Map<string, ShownLine>;
  /** Currency code → the site's currency id (new Agreements take it by id). */
  currencyIds: Map<string, number>;
  /** Lines in scope: to post, or skipped with a reason. */
  inScope: number;
  /** The line driving each recurring Addition this month (§1.4). */
  monthDrivers: MonthDriver[];
}

/** The marker a line's Addition carries: its own, or its recurring key's (§3.1). */
function markerOf(line: LineToPost): string {
  return isRecurring(line.chargeType)
    ? recurringMarker(line.subscriptionId, line.chargeType)
    : lineMarker(line);
}

function strayReason(addition: FoundAddition): string {
  return `An earlier Sync to PSA may have posted this line on Agreement ${addition.agreementId}: Addition ${addition.id} there carries its marker, but the line now goes to another Agreement. So that it is not billed twice, delete that Addition in ConnectWise, or choose that Agreement again as its PSA Agreement.`;
}

/** Whether two Additions bill some day twice; an open end runs on for ever. */
function overlap(left: FoundAddition, right: FoundAddition): boolean {
  const start = (a: FoundAddition) => (a.effectiveDate ?? '').slice(0, 10);
  const end = (a: FoundAddition) => (a.cancelledDate ?? '9999-12-31').slice(0, 10);
  return start(left) <= end(right) && start(right) <= end(left);
}

function reasonOf(error: unknown): string {
  if (error instanceof AppError) return `${error.kind}: ${error.message}`;
  return `Internal Error: ${error instanceof Error ? error.message : String(error)}`;
}

function additionDraft(
  values: AdditionValues,
  marker: string,
  markerField: AdditionMarkerField,
): AdditionDraft {
  return {
    ...markerFieldsOf(marker, markerField),
    product: { id: values.productId },
    billCustomer: 'Billable',
    quantity: values.quantity,
    unitPrice: values.unitPrice,
    ...(values.unitCost === null ? {} : { unitCost: values.unitCost }),
    effectiveDate: values.effectiveDate,
    cancelledDate: values.cancelledDate,
    invoiceDescription: values.invoiceDescription,
  };
}

/** Runs `work` over `items`, `limit` at a time, starting no new item once `stop()` says so. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  stop: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * "Sync to PSA" (docs/posting-rules.md): gathers the lines and what ConnectWise holds, asks the
 * plan what to do, and does it: Agreements first, then Additions grouped per Agreement, each
 * write journaled before it is sent, each line's outcome recorded as it comes. One function for
 * the Invoices tab, the tray's "Sync now" and the daily run.
 */
export function createPostingEngine(deps: PostingEngineDeps) {
  function requireAllowed(): SavedConfiguration {
    if (deps.access() !== 'enabled') {
      throw new AppError(
        'Not Allowed',
        'Save the ConnectWise credentials and an Agreement Type before posting.',
      );
    }
    const configuration = deps.configuration.get();
    if (!configuration) throw new AppError('Not Allowed', 'Save an Agreement Type before posting.');
    return configuration;
  }

  function linesToPost(scope: PostingScope): {
    ready: LineToPost[];
    skipped: PostingPreview['skipped'];
    platformChargeEnds: Map<string, string>;
    companyNames: Map<number, string>;
    productNames: Map<number, string>;
    shownLines: Map<string, ShownLine>;
    companies: ReturnType<Mapping['postingFacts']>['companies'];
  } {
    const postable = deps.platformData.linesForPosting(scope.period, scope.lineIds);
    // Lines the user selected that are synced already are named, not silently left out.
    const skipped: PostingPreview['skipped'] = scope.lineIds
      ? deps.platformData.syncedAmong(scope.period, scope.lineIds).map((lineId) => ({
          lineId,
          status: 'Synced',
          reason: 'Already synced: it is read-only.',
        }))
      : [];
    const facts = deps.mapping.postingFacts(
      [...new Set(postable.map((line) => line.organizationId))],
      [...new Set(postable.map((line) => line.offerId))],
    );
    const ready: LineToPost[] = [];
    for (const line of postable) {
      if (line.readiness !== 'Ready') {
        skipped.push({
          lineId: line.lineId,
          status: line.readiness,
          reason: line.readinessDetail ?? line.readiness,
        });
        continue;
      }
      ready.push(toPost(line, facts));
    }
    return {
      ready,
      skipped,
      platformChargeEnds: new Map(postable.map((line) => [line.lineId, line.platformChargeEnd])),
      companies: facts.companies,
      companyNames: new Map([...facts.companies].map(([id, company]) => [id, company.name])),
      productNames: new Map([...facts.productByOffer.values()].map((p) => [p.id, p.name])),
      shownLines: new Map(postable.map((line) => [line.lineId, line.shown])),
    };
  }

  function toPost(line: PostableLine, facts: ReturnType<Mapping['postingFacts']>): LineToPost {
    const product = facts.productByOffer.get(line.offerId) ?? null;
    return {
      lineId: line.lineId,
      period: line.period,
      invoiceDate: line.invoiceDate,
      organizationId: line.organizationId,
      organizationName: line.organizationName,
      contractId: line.contractId,
      currency: line.currency,
      subscriptionId: line.subscriptionId,
      subscriptionName: line.subscriptionName,
      chargeType: line.chargeType,
      chargeTypeName: line.chargeTypeName,
      billingCycle: line.billingCycle,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      unitCost: line.unitCost,
      chargeStart: line.chargeStart,
      chargeEnd: line.chargeEnd,
      companyIds: facts.companiesByOrganization.get(line.organizationId) ?? [],
      chosenCompanyId: line.chosenCompanyId,
      chosenAgreementId: line.chosenAgreementId,
      product: product && {
        id: product.id,
        identifier: product.identifier,
        productClass: product.productClass,
        inactive: product.inactive,
      },
      excluded: facts.excludedOrganizations.has(line.organizationId),
    };
  }

  /**
   * A run over selected lines still decides two things over the whole month, or the lines it
   * leaves for later would be posted wrongly then: the line driving each recurring Addition
   * (§1.4), and the start of a new Agreement (§2.1). These are the month's unsynced Ready lines,
   * selected or not; null when the run takes all of them anyway.
   */
  function wholeMonthOf(scope: PostingScope): PostableLine[] | null {
    return scope.lineIds
      ? deps.platformData.linesForPosting(scope.period).filter((line) => line.readiness === 'Ready')
      : null;
  }

  /** The synced line that drove each recurring Addition this month, else the month's winner. */
  function driversOfMonth(
    scope: PostingScope,
    unsynced: ReadonlyArray<Parameters<typeof monthDrivers>[0][number]>,
  ): MonthDriver[] {
    const synced = deps.tables.recurringDriversOf(deps.platformData.syncedAmong(scope.period));
    const driven = new Set(synced.map(({ marker }) => marker));
    return [
      ...synced.map(({ lineId, marker }) => ({ period: scope.period, marker, lineId })),
      ...monthDrivers(unsynced).filter(({ marker }) => !driven.has(marker)),
    ];
  }

  /** A new Agreement starts on the earliest Charge Start Date of the month's lines it will hold. */
  function startOnEarliest(newAgreements: NewAgreement[], month: readonly PostableLine[]): void {
    for (const draft of newAgreements) {
      const starts = month
        .filter(
          (line) =>
            newAgreementKey(line.chosenCompanyId ?? draft.companyId, line.contractId) ===
              draft.key && sameCurrency(line.currency, draft.currency),
        )
        .map((line) => line.chargeStart);
      const [earliest] = [draft.startDate.slice(0, 10), ...starts].sort();
      if (earliest) draft.startDate = toConnectWiseDate(earliest);
    }
  }

  async function prepare(scope: PostingScope, job: Job): Promise<Prepared> {
    const configuration = requireAllowed();
    const {
      ready,
      skipped,
      companies,
      companyNames,
      productNames,
      shownLines,
      platformChargeEnds,
    } = linesToPost(scope);
    const inScope = ready.length + skipped.length;
    job.progress({ done: 0, total: ready.length, message: 'Reading Agreements in ConnectWise' });
    const client = await deps.connectwiseConnection.client(job.signal);
    const companyIds = [
      ...new Set(
        ready.flatMap((line) =>
          line.chosenCompanyId !== null ? [line.chosenCompanyId] : line.companyIds.slice(0, 1),
        ),
      ),
    ];
    const byCompany = await agreementsOfCompanies(client, companyIds, job.signal);
    const type = (await client.agreementTypes.all({}, { signal: job.signal })).find(
      (candidate) => candidate.id === configuration.agreementType.id,
    );
    if (!type) {
      throw new AppError(
        'Not Found',
        `The Agreement Type "${configuration.agreementType.name}" is no longer in ConnectWise: choose another in Settings › Configuration.`,
      );
    }
    const targets = planTargets({
      lines: ready,
      agreements: [...byCompany.values()].flat(),
      agreementType: agreementTypeDefaults(type),
      companies: [...companies].map(([id, company]) => ({
        id,
        defaultContactId: company.defaultContactId,
      })),
    });
    const wholeMonth = wholeMonthOf(scope);
    if (wholeMonth) startOnEarliest(targets.newAgreements, wholeMonth);
    deps.tables.recordBlocks(
      ready.map((line) => line.lineId),
      targets.skipped.flatMap((skippedLine) =>
        skippedLine.status === 'Needs attention'
          ? [{ lineId: skippedLine.lineId, reason: skippedLine.reason }]
          : [],
      ),
    );
    const agreements = new Map(
      [...byCompany.values()].flat().map((agreement) => [agreement.id, agreement]),
    );
    const currencyIds = new Map(
      targets.newAgreements.length === 0
        ? []
        : (await client.currencies.all({ signal: job.signal })).map(
            (currency) => [currency.currencyCode.toUpperCase(), currency.id] as const,
          ),
    );
    job.throwIfCancelled();

    job.progress({ done: 0, total: ready.length, message: 'Looking up what was posted before' });
    const drivers = driversOfMonth(scope, wholeMonth ?? ready);
    const lookups = new Map(
      markersToLookUp({ lines: ready, targets: targets.targets, monthDrivers: drivers }).map(
        ({ agreementId, markers }) => [agreementId, [...markers]],
      ),
    );
    // A create whose outcome stayed unknown may have landed on the Agreement the line was meant
    // for then, which the user may since have changed (§3.5): look there too.
    const elsewhere = new Set<string>();
    for (const { marker, agreementId } of deps.tables.unresolvedCreates(ready.map(markerOf))) {
      const markers = lookups.get(agreementId) ?? [];
      if (markers.includes(marker)) continue;
      elsewhere.add(`${agreementId}|${marker}`);
      lookups.set(agreementId, [...markers, marker]);
    }
    const everywhere = await additionsByMarker(
      client,
      lookups,
      job.signal,
      configuration.additionMarkerField,
    );
    const found = everywhere.filter((a) => !elsewhere.has(`${a.agreementId}|${a.marker}`));
    const strays = everywhere.filter((a) => elsewhere.has(`${a.agreementId}|${a.marker}`));
    const strayLines = ready.flatMap((line) => {
      const stray = strays.find((addition) => addition.marker === markerOf(line));
      return stray ? [{ lineId: line.lineId, reason: strayReason(stray) }] : [];
    });
    if (strayLines.length > 0) {
      deps.tables.recordBlocks(
        strayLines.map(({ lineId }) => lineId),
        strayLines,
      );
      const blocked = new Set(strayLines.map(({ lineId }) => lineId));
      ready.splice(0, ready.length, ...ready.filter((line) => !blocked.has(line.lineId)));
      targets.skipped.push(
        ...strayLines.map((line) => ({ ...line, status: 'Needs attention' as const })),
      );
    }
    const operations = planAdditions({
      lines: ready,
      targets: targets.targets,
      found,
      options: { recurringChanges: deps.configuration.get()?.recurringChanges ?? 'update' },
      monthDrivers: drivers,
    });
    const cancellations = vanishedSubscriptions({
      postedRecurring: deps.tables.activeRecurring(),
      newestMonth: deps.platformData.newestMonth(),
    });
    return {
      client,
      markerField: configuration.additionMarkerField,
      agreementMarkerField: configuration.agreementMarkerField,
      lines: new Map(ready.map((line) => [line.lineId, line])),
      platformChargeEnds,
      agreements,
      newAgreements: targets.newAgreements,
      operations,
      cancellations,
      skipped: [...skipped, ...targets.skipped],
      companyNames,
      productNames,
      shownLines,
      currencyIds,
      inScope,
      monthDrivers: drivers,
    };
  }

  function agreementNameOf(prepared: Prepared, operation: AdditionOperation): string {
    const target =
      operation.op === 'create'
        ? operation.target
        : { kind: 'existing' as const, agreementId: operation.agreementId };
    if (target.kind === 'new') {
      return prepared.newAgreements.find((draft) => draft.key === target.key)?.name ?? target.key;
    }
    return prepared.agreements.get(target.agreementId)?.name ?? `Agreement ${target.agreementId}`;
  }

  function previewOf(scope: PostingScope, prepared: Prepared): PostingPreview {
    const linesOf = (key: string) =>
      prepared.operations
        .filter(
          (operation) =>
            operation.op === 'create' &&
            operation.target.kind === 'new' &&
            operation.target.key === key,
        )
        .reduce((sum, operation) => sum + operation.lineIds.length, 0);
    return {
      period: scope.period,
      lines: prepared.inScope,
      newAgreements: prepared.newAgreements.map((draft) => ({
        name: draft.name,
        companyName: prepared.companyNames.get(draft.companyId) ?? `Company ${draft.companyId}`,
        currency: draft.currency,
        lines: linesOf(draft.key),
      })),
      creates: prepared.operations.flatMap((operation) =>
        operation.op === 'create'
          ? [
              {
                marker: operation.marker,
                agreementName: agreementNameOf(prepared, operation),
                lineIds: operation.lineIds,
                values: operation.values,
              },
            ]
          : [],
      ),
      updates: prepared.operations.flatMap((operation) =>
        operation.op === 'update'
          ? [
              {
                marker: operation.marker,
                agreementName: agreementNameOf(prepared, operation),
                lineIds: operation.lineIds,
                from: operation.from,
                to: operation.to,
              },
            ]
          : [],
      ),
      adopted: prepared.operations.filter((operation) => operation.op === 'adopt').length,
      cancellations: prepared.cancellations.map((cancellation) => ({
        marker: cancellation.marker,
        agreementName:
          prepared.agreements.get(cancellation.agreementId)?.name ??
          `Agreement ${cancellation.agreementId}`,
        subscriptionName: cancellation.subscriptionName,
        cancelledDate: cancellation.cancelledDate,
      })),
      skipped: prepared.skipped,
    };
  }

  function currencyIdOf(prepared: Prepared, code: string): number {
    const id = prepared.currencyIds.get(code.toUpperCase());
    if (id === undefined) {
      throw new AppError(
        'Validation Error',
        `ConnectWise has no currency ${code}: add it in ConnectWise (Finance › Currencies) first.`,
      );
    }
    return id;
  }

  /**
   * Sends one write, journaled: intent first (committed), then its result. A write whose outcome
   * is unknown (docs/posting-rules.md §3.5) is tried again, at most `writeAttempts` times in all,
   * but never blindly: `lookFirst` looks for what it would have made, and what it finds is the
   * result. A write without `lookFirst` sets absolute values (a PATCH) and is simply sent again.
   */
  async function journaled<T>(
    runId: number,
    entry: {
      operation: Parameters<PostingTables['intent']>[0]['operation'];
      marker: string;
      agreementId: number | null;
      payload: unknown;
      lineIds: readonly string[];
    },
    write: () => Promise<T>,
    idOf: (result: T) => number | null,
    retry: { signal: AbortSignal; lookFirst?: () => Promise<{ found: T } | null> },
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const journalId = deps.tables.intent({ runId, ...entry });
      try {
        const result = await write();
        deps.tables.result(journalId, { state: 'done', resultId: idOf(result) });
        return result;
      } catch (error) {
        const unknown = error instanceof ConnectWiseError && error.outcomeUnknown;
        deps.tables.result(journalId, {
          state: unknown ? 'unknown' : 'failed',
          error: reasonOf(error),
        });
        // Cancel stops new requests (§5.5): the next look-up starts the next run instead.
        if (!unknown || attempt >= writeAttempts || retry.signal.aborted) throw error;
        let landed: { found: T } | null = null;
        try {
          landed = retry.lookFirst ? await retry.lookFirst() : null;
        } catch {
          throw error;
        }
        if (landed) {
          deps.tables.result(journalId, { state: 'done', resultId: idOf(landed.found) });
          return landed.found;
        }
      }
    }
  }

  /**
   * Another workstation may have created the Agreement of the same Contract at the same moment:
   * each looked before writing, neither found the other's (docs/posting-rules.md §3.6). Every
   * run that created one therefore looks again and posts to the oldest, the one each later
   * look-up finds too; it cancels its own, still empty (an Agreement may bill on its own, from
   * its type), and plans the Additions meant for it again on the oldest, after looking up what
   * the other workstation has put there.
   */
  async function joinOlderAgreements(
    runId: number,
    prepared: Prepared,
    created: ReadonlyMap<string, number>,
    signal: AbortSignal,
  ): Promise<{ failedKeys: Map<string, unknown> }> {
    const failedKeys = new Map<string, unknown>();
    const drafts = prepared.newAgreements.filter((draft) => created.has(draft.key));
    if (drafts.length === 0) return { failedKeys };
    let byCompany: Map<number, KnownAgreement[]>;
    try {
      byCompany = await agreementsOfCompanies(
        prepared.client,
        [...new Set(drafts.map((draft) => draft.companyId))],
        signal,
      );
    } catch (error) {
      // Unsure whether another Agreement exists: post nothing there; the next run looks again.
      for (const draft of drafts) failedKeys.set(draft.key, error);
      return { failedKeys };
    }
    const joined = new Map<string, number>();
    const duplicates: Array<{ draft: NewAgreement; ours: number; oldest: number }> = [];
    for (const draft of drafts) {
      const ours = created.get(draft.key);
      const oldest = oldestWithMarker(byCompany.get(draft.companyId) ?? [], draft.marker);
      if (ours === undefined || !oldest || oldest.id === ours) continue;
      joined.set(draft.key, oldest.id);
      prepared.agreements.set(oldest.id, oldest);
      duplicates.push({ draft, ours, oldest: oldest.id });
    }
    await inParallel(
      duplicates,
      parallelWrites,
      () => false,
      async ({ draft, ours, oldest }) => {
        const found = `${draft.marker}: Agreements ${oldest} and ${ours} were created for the same Contract at the same time, probably from two workstations. The app posts to the older one, ${oldest}`;
        try {
          await journaled(
            runId,
            {
              operation: 'cancelAgreement',
              marker: draft.marker,
              agreementId: ours,
              payload: { duplicateOf: oldest },
              lineIds: [],
            },
            () =>
              prepared.client.agreements.patch(ours, [
                { op: 'replace', path: 'cancelledFlag', value: true },
              ]),
            (agreement) => agreement.id,
            { signal },
          );
          deps.systemLog.write({
            level: 'warning',
            title: 'Duplicate Agreement found',
            details: `${found}, and cancelled ${ours}, which held nothing.`,
          });
        } catch (error) {
          deps.systemLog.write({
            level: 'warning',
            title: 'Duplicate Agreement found',
            details: `${found}; ${ours} holds nothing from it but could not be cancelled (${reasonOf(error)}): cancel it in ConnectWise.`,
          });
        }
      },
    );
    if (joined.size === 0) return { failedKeys };

    const moved = prepared.operations.filter(
      (operation) =>
        operation.op === 'create' &&
        operation.target.kind === 'new' &&
        joined.has(operation.target.key),
    );
    const targets = new Map<string, AgreementTarget>();
    for (const operation of moved) {
      if (operation.op !== 'create' || operation.target.kind !== 'new') continue;
      const agreementId = joined.get(operation.target.key) as number;
      for (const lineId of operation.lineIds)
        targets.set(lineId, { kind: 'existing', agreementId });
    }
    const lines = [...targets.keys()].flatMap((lineId) => {
      const line = prepared.lines.get(lineId);
      return line ? [line] : [];
    });
    let found: FoundAddition[];
    try {
      found = await additionsByMarker(
        prepared.client,
        new Map(
          markersToLookUp({ lines, targets, monthDrivers: prepared.monthDrivers }).map(
            ({ agreementId, markers }) => [agreementId, markers],
          ),
        ),
        signal,
        prepared.markerField,
      );
    } catch (error) {
      for (const key of joined.keys()) failedKeys.set(key, error);
      return { failedKeys };
    }
    const replanned = planAdditions({
      lines,
      targets,
      found,
      options: { recurringChanges: deps.configuration.get()?.recurringChanges ?? 'update' },
      monthDrivers: prepared.monthDrivers,
    });
    prepared.operations = [
      ...prepared.operations.filter((operation) => !moved.includes(operation)),
      ...replanned,
    ];
    return { failedKeys };
  }

  async function execute(
    scope: RunInput,
    trigger: 'manual' | 'automatic',
    job: Job,
  ): Promise<PostingSummary> {
    const started = deps.now().getTime();
    const prepared = await prepare(scope, job);
    const siteUrl = deps.connectwiseConnection.current()?.siteUrl ?? '';
    const actor = trigger === 'automatic' ? 'automatic' : deps.osUserName();
    const runId = deps.tables.startRun({ actor, trigger, siteUrl });
    const summary: PostingSummary = {
      runId,
      status: 'completed',
      posted: 0,
      updated: 0,
      adopted: 0,
      cancelledAdditions: 0,
      skipped: prepared.skipped.length,
      failed: [],
      duplicates: [],
      seconds: 0,
    };
    // A run that throws still ends in posting_run: the Dashboard lists it as failed. One that
    // finished stays as it finished, whatever happens while it is logged.
    let finished = false;
    try {
      const total = prepared.lines.size;
      let done = 0;
      const report = () =>
        job.progress({
          done,
          total,
          message: `${done} of ${total} lines · ${summary.posted} posted · ${summary.updated} updated · ${summary.skipped} skipped · ${summary.failed.length} failed`,
        });
      const fail = (lineIds: readonly string[], error: unknown) => {
        const reason = reasonOf(error);
        deps.tables.failed(lineIds, reason);
        summary.failed.push({ lineIds: [...lineIds], reason });
        deps.systemLog.write({
          level: 'error',
          title: `Line not posted: ${error instanceof AppError ? error.kind : 'Internal Error'}`,
          details: `${lineIds.join(', ')}: ${reason}`,
          error,
          subject: { kind: 'lines', period: scope.period, lineIds: lineIds.slice(0, 1000) },
        });
      };
      const cancelled = () => job.signal.aborted;
      /** Written in this run: what the duplicate check may delete. */
      const createdHere = new Set<number>();
      const touched = new Map<number, Set<string>>();
      const touch = (agreementId: number, marker: string) =>
        touched.set(agreementId, (touched.get(agreementId) ?? new Set()).add(marker));

      // Agreements first (§5.2).
      const newIds = new Map<string, number>();
      const linesOfNewAgreement = (key: string) =>
        prepared.operations.flatMap((operation) =>
          operation.op === 'create' &&
          operation.target.kind === 'new' &&
          operation.target.key === key
            ? operation.lineIds
            : [],
        );
      // Its lines are counted done where their Additions would have been written.
      const failAgreement = (key: string, error: unknown) => fail(linesOfNewAgreement(key), error);
      await inParallel(prepared.newAgreements, parallelWrites, cancelled, async (draft) => {
        try {
          const created = await journaled(
            runId,
            {
              operation: 'createAgreement',
              marker: draft.marker,
              agreementId: null,
              payload: draft,
              lineIds: [],
            },
            () =>
              prepared.client.agreements
                .create({
                  name: draft.name,
                  type: { id: draft.typeId },
                  company: { id: draft.companyId },
                  contact: { id: draft.contactId },
                  startDate: draft.startDate,
                  currency: { id: currencyIdOf(prepared, draft.currency) },
                  prorateFlag: false,
                  internalNotes: `${draft.marker}\nCreated by ConnectWise Billing Sync for Platform contract.`,
                  ...(prepared.agreementMarkerField
                    ? {
                        customFields: [
                          { id: prepared.agreementMarkerField.id, value: draft.marker },
                        ],
                      }
                    : {}),
                })
                .then(({ id, name }) => ({ id, name })),
            (agreement) => agreement.id,
            {
              signal: job.signal,
              lookFirst: async () => {
                const found = await agreementWithMarker(
                  prepared.client,
                  draft.companyId,
                  draft.marker,
                  job.signal,
                );
                return found && { found: { id: found.id, name: found.name } };
              },
            },
          );
          newIds.set(draft.key, created.id);
          prepared.agreements.set(created.id, {
            id: created.id,
            name: created.name,
            companyId: draft.companyId,
            status: 'Active',
            cancelledFlag: false,
            currency: draft.currency,
            prorateFlag: false,
            billingCycle: null,
            billingStart: draft.startDate.slice(0, 10),
            marker: draft.marker,
          });
        } catch (error) {
          failAgreement(draft.key, error);
        }
      });
      const joined = await joinOlderAgreements(runId, prepared, newIds, job.signal);
      for (const [key, error] of joined.failedKeys) {
        newIds.delete(key);
        failAgreement(key, error);
      }

      const sentValues = (
        operation: AdditionOperation,
        agreementId: number,
        values: AdditionValues,
      ): SentValues => {
        const line = prepared.lines.get(operation.lineIds[0] ?? '');
        const agreement = prepared.agreements.get(agreementId);
        const companyId = agreement?.companyId ?? 0;
        return {
          company: { id: companyId, name: prepared.companyNames.get(companyId) ?? '' },
          agreement: { id: agreementId, name: agreement?.name ?? '' },
          product: {
            id: values.productId,
            name:
              prepared.productNames.get(values.productId) ??
              line?.product?.identifier ??
              String(values.productId),
          },
          marker: operation.marker,
          values: { ...values },
        };
      };
      const shownOf = (lineId: string) => prepared.shownLines.get(lineId);
      const rememberRecurring = (
        operation: AdditionOperation,
        agreementId: number,
        additionId: number,
      ) => {
        if (!operation.marker.startsWith('PLT:S:')) return;
        const line = prepared.lines.get(operation.lineIds.at(-1) ?? '');
        if (!line || !isRecurring(line.chargeType)) return;
        deps.tables.recurring({
          marker: operation.marker,
          agreementId,
          additionId,
          contractId: line.contractId,
          subscriptionId: line.subscriptionId,
          chargeType: line.chargeType,
          subscriptionName: line.subscriptionName,
          lastPlatformChargeEnd: prepared.platformChargeEnds.get(line.lineId) ?? line.chargeEnd,
        });
      };

      // Then Additions, grouped per Agreement.
      const ordered = [...prepared.operations].sort((a, b) => {
        const key = (operation: AdditionOperation) =>
          operation.op === 'create'
            ? operation.target.kind === 'new'
              ? `n:${operation.target.key}`
              : `e:${operation.target.agreementId}`
            : `e:${operation.agreementId}`;
        return key(a).localeCompare(key(b));
      });
      await inParallel(ordered, parallelWrites, cancelled, async (operation) => {
        try {
          if (operation.op === 'adopt') {
            deps.tables.synced(
              operation.lineIds,
              operation.additionId,
              sentValues(operation, operation.agreementId, operation.values),
              shownOf,
            );
            rememberRecurring(operation, operation.agreementId, operation.additionId);
            touch(operation.agreementId, operation.marker);
            summary.adopted += 1;
          } else if (operation.op === 'update') {
            const to = operation.to;
            await journaled(
              runId,
              {
                operation: 'updateAddition',
                marker: operation.marker,
                agreementId: operation.agreementId,
                payload: to,
                lineIds: operation.lineIds,
              },
              () =>
                prepared.client.additions.patch(operation.agreementId, operation.additionId, [
                  { op: 'replace', path: 'product/id', value: to.productId },
                  { op: 'replace', path: 'quantity', value: to.quantity },
                  { op: 'replace', path: 'unitPrice', value: to.unitPrice },
                  ...(to.unitCost === null
                    ? []
                    : [{ op: 'replace' as const, path: 'unitCost', value: to.unitCost }]),
                  { op: 'replace', path: 'effectiveDate', value: to.effectiveDate },
                  { op: 'replace', path: 'cancelledDate', value: to.cancelledDate },
                  { op: 'replace', path: 'invoiceDescription', value: to.invoiceDescription },
                ]),
              (addition) => addition.id,
              // Absolute values (§1.3): sending the same PATCH again does no harm.
              { signal: job.signal },
            );
            deps.tables.synced(
              operation.lineIds,
              operation.additionId,
              sentValues(operation, operation.agreementId, to),
              shownOf,
            );
            rememberRecurring(operation, operation.agreementId, operation.additionId);
            touch(operation.agreementId, operation.marker);
            summary.updated += 1;
          } else {
            const agreementId =
              operation.target.kind === 'existing'
                ? operation.target.agreementId
                : newIds.get(operation.target.key);
            if (agreementId === undefined) return; // its Agreement failed: already reported
            const createdId = await journaled(
              runId,
              {
                operation: 'createAddition',
                marker: operation.marker,
                agreementId,
                payload: operation.values,
                lineIds: operation.lineIds,
              },
              () =>
                prepared.client.additions
                  .create(
                    agreementId,
                    additionDraft(operation.values, operation.marker, prepared.markerField),
                  )
                  .then((addition) => addition.id),
              (id) => id,
              {
                signal: job.signal,
                lookFirst: async () => {
                  const [landed] = await additionsWithMarker(
                    prepared.client,
                    agreementId,
                    operation.marker,
                    job.signal,
                    prepared.markerField,
                  );
                  return landed ? { found: landed.id } : null;
                },
              },
            );
            createdHere.add(createdId);
            deps.tables.synced(
              operation.lineIds,
              createdId,
              sentValues(operation, agreementId, operation.values),
              shownOf,
            );
            rememberRecurring(operation, agreementId, createdId);
            touch(agreementId, operation.marker);
            summary.posted += 1;
          }
        } catch (error) {
          fail(operation.lineIds, error);
        } finally {
          done += operation.lineIds.length;
          report();
        }
      });

      // Vanished subscriptions: only when the user confirmed the list the preview showed, and only
      // those on it (the run plans again, and may find more).
      const confirmed = scope.confirmedMarkers && new Set(scope.confirmedMarkers);
      if (scope.confirmCancellations && !cancelled()) {
        for (const cancellation of prepared.cancellations) {
          if (confirmed && !confirmed.has(cancellation.marker)) continue;
          try {
            await journaled(
              runId,
              {
                operation: 'cancelAddition',
                marker: cancellation.marker,
                agreementId: cancellation.agreementId,
                payload: { cancelledDate: cancellation.cancelledDate },
                lineIds: [],
              },
              () =>
                prepared.client.additions.patch(cancellation.agreementId, cancellation.additionId, [
                  { op: 'replace', path: 'cancelledDate', value: cancellation.cancelledDate },
                ]),
              (addition) => addition.id,
              { signal: job.signal },
            );
            deps.tables.cancelledRecurring(cancellation.marker, cancellation.cancelledDate);
            summary.cancelledAdditions += 1;
          } catch (error) {
            fail([], error);
          }
        }
      }

      try {
        summary.duplicates = await settleDuplicates(prepared, runId, touched, createdHere);
      } catch (error) {
        // What was posted is recorded already: the run still ends, saying the check is missing.
        deps.systemLog.write({
          level: 'warning',
          title: 'Duplicate check not done',
          details: `ConnectWise could not be read after the run, so it was not checked that each Addition it wrote exists once: ${reasonOf(error)}`,
        });
      }
      summary.status = cancelled() ? 'cancelled' : 'completed';
      summary.seconds = (deps.now().getTime() - started) / 1000;
      deps.tables.finishRun(runId, summary.status, { ...summary, period: scope.period });
      finished = true;
      deps.systemLog.write({
        level: summary.failed.length > 0 || summary.duplicates.length > 0 ? 'warning' : 'info',
        title: `Sync to PSA ${summary.status}: ${summary.posted} posted, ${summary.updated} updated, ${summary.failed.length} failed`,
        details: [
          `${scope.period}${scope.lineIds ? ` (${scope.lineIds.length} selected lines)` : ''}`,
          `${summary.adopted} found already posted, ${summary.skipped} skipped, ${summary.cancelledAdditions} Additions cancelled`,
          ...summary.duplicates.map(
            (duplicate) =>
              `Duplicate found: ${duplicate.marker} (Additions ${duplicate.additionIds.join(', ')})`,
          ),
        ].join('\n'),
      });
      deps.audit.record({
        actor,
        action: 'Sync to PSA',
        details: `${scope.period}: ${summary.posted} posted, ${summary.updated} updated, ${summary.failed.length} failed (run ${runId})`,
      });
      return summary;
    } catch (error) {
      if (!finished) {
        try {
          deps.tables.finishRun(runId, isCancellation(error) ? 'cancelled' : 'failed', {
            ...summary,
            period: scope.period,
          });
        } catch {
          // The next start marks it interrupted; the error that stopped the run is what matters.
        }
      }
      throw error;
    }
  }

  /**
   * After a run, each marker it wrote must exist once on its Agreement (docs/posting-rules.md §3.6):
   * of two, the older stays; the newer is deleted if this run created it, else both are reported.
   */
  async function settleDuplicates(
    { client, markerField }: Pick<Prepared, 'client' | 'markerField'>,
    runId: number,
    touched: ReadonlyMap<number, ReadonlySet<string>>,
    createdHere: ReadonlySet<number>,
  ): Promise<PostingSummary['duplicates']> {
    if (touched.size === 0) return [];
    // Runs after a cancel too: what this run wrote is checked all the same.
    const signal = new AbortController().signal;
    const found = await additionsByMarker(
      client,
      new Map([...touched].map(([id, markers]) => [id, [...markers]])),
      signal,
      markerField,
    );
    const byMarker = new Map<string, FoundAddition[]>();
    for (const addition of found) {
      const key = `${addition.agreementId}|${addition.marker}`;
      byMarker.set(key, [...(byMarker.get(key) ?? []), addition]);
    }
    const reported: PostingSummary['duplicates'] = [];
    for (const additions of byMarker.values()) {
      if (additions.length < 2) continue;
      const [oldest, ...others] = [...additions].sort((a, b) => a.id - b.id);
      if (!oldest) continue;
      // With "Keep history", one marker spans stretches that do not overlap (§1.3): those stay.
      const stays: FoundAddition[] = [oldest];
      for (const other of others) {
        const kept = stays.find((addition) => overlap(addition, other));
        if (!kept) {
          stays.push(other);
          continue;
        }
        if (!createdHere.has(other.id)) {
          reported.push({ marker: kept.marker, additionIds: [kept.id, other.id] });
          continue;
        }
        try {
          await journaled(
            runId,
            {
              operation: 'deleteAddition',
              marker: other.marker,
              agreementId: other.agreementId,
              payload: { duplicateOf: kept.id },
              lineIds: [],
            },
            () => client.additions.delete(other.agreementId, other.id),
            () => other.id,
            {
              signal,
              lookFirst: async () => {
                const still = await additionsWithMarker(
                  client,
                  other.agreementId,
                  other.marker,
                  signal,
                  markerField,
                );
                return still.some((addition) => addition.id === other.id)
                  ? null
                  : { found: undefined };
              },
            },
          );
          deps.tables.repointDuplicate(other.id, kept.id);
        } catch {
          reported.push({ marker: kept.marker, additionIds: [kept.id, other.id] });
        }
      }
    }
    return reported;
  }

  return {
    preview(scope: PostingScope): Promise<PostingPreview> {
      requireAllowed();
      return deps.jobs.run('posting-preview', async (job) =>
        previewOf(scope, await prepare(scope, job)),
      );
    },
    run(scope: RunInput, trigger: 'manual' | 'automatic' = 'manual'): Promise<PostingSummary> {
      requireAllowed();
      return deps.jobs.run('posting-run', (job) => execute(scope, trigger, job));
    },
    lastSyncedAt: () => deps.tables.lastCompletedAt(),
    recentRuns: (limit: number) => deps.tables.recentRuns(limit),
    postedPerDay: (sinceDay: string) => deps.tables.postedPerDay(sinceDay),
    anyLineSynced: () => deps.tables.anyLineSynced(),
  };
}

export type PostingEngine = ReturnType<typeof createPostingEngine>;
