/**
 * Look-ups by id for agreements and additions, and an agreement's additions, without scanning
 * every record on each request (a run posts thousands of additions across a thousand
 * agreements). `sim.data` stays the truth: tests change it freely, so the index rebuilds itself
 * when `data.agreements` or `data.additions` is replaced or changes length, and when a record it
 * holds no longer matches. It cannot see an addition moved to another agreement, or one swapped
 * in place, by a direct change; `sim.reindex()` is for that.
 */
import type { Addition, Agreement, SimulatorData } from './connectwiseRecords';

export class RecordIndex {
  private agreementsSource: Agreement[] | null = null;
  private agreementsLength = -1;
  private readonly agreementById = new Map<number, Agreement>();

  private additionsSource: Addition[] | null = null;
  private additionsLength = -1;
  private readonly additionById = new Map<number, Addition>();
  private readonly additionsByAgreement = new Map<number, Addition[]>();
  private highestAdditionId = 0;

  constructor(private readonly data: SimulatorData) {}

  /** Forgets everything; the next look-up reads `data` again. */
  reset(): void {
    this.agreementsSource = null;
    this.additionsSource = null;
  }

  agreement(id: number): Agreement | undefined {
    this.freshAgreements();
    const found = this.agreementById.get(id);
    if (found === undefined || found.id === id) return found;
    this.rebuildAgreements();
    return this.agreementById.get(id);
  }

  addition(id: number): Addition | undefined {
    this.freshAdditions();
    const found = this.additionById.get(id);
    if (found === undefined || found.id === id) return found;
    this.rebuildAdditions();
    return this.additionById.get(id);
  }

  /** The agreement's additions, in the order they were stored. */
  additionsOf(agreementId: number): readonly Addition[] {
    this.freshAdditions();
    const list = this.additionsByAgreement.get(agreementId) ?? [];
    if (list.every((addition) => addition.agreementId === agreementId)) return list;
    this.rebuildAdditions();
    return this.additionsByAgreement.get(agreementId) ?? [];
  }

  /** The highest addition id stored, so a new id never collides with one a test pushed. */
  maxAdditionId(): number {
    this.freshAdditions();
    return this.highestAdditionId;
  }

  /** Stores a new agreement. */
  addAgreement(agreement: Agreement): void {
    this.freshAgreements();
    this.data.agreements.push(agreement);
    this.agreementsLength = this.data.agreements.length;
    if (!this.agreementById.has(agreement.id)) this.agreementById.set(agreement.id, agreement);
  }

  /** Stores a new addition. */
  addAddition(addition: Addition): void {
    this.freshAdditions();
    this.data.additions.push(addition);
    this.additionsLength = this.data.additions.length;
    this.indexAddition(addition);
  }

  /** Removes a stored addition. */
  removeAddition(addition: Addition): void {
    const position = this.data.additions.indexOf(addition);
    if (position >= 0) this.data.additions.splice(position, 1);
    this.rebuildAdditions();
  }

  private freshAgreements(): void {
    const { agreements } = this.data;
    if (agreements !== this.agreementsSource || agreements.length !== this.agreementsLength) {
      this.rebuildAgreements();
    }
  }

  private rebuildAgreements(): void {
    this.agreementsSource = this.data.agreements;
    this.agreementsLength = this.data.agreements.length;
    this.agreementById.clear();
    for (const agreement of this.data.agreements) {
      if (!this.agreementById.has(agreement.id)) this.agreementById.set(agreement.id, agreement);
    }
  }

  private freshAdditions(): void {
    const { additions } = this.data;
    if (additions !== this.additionsSource || additions.length !== this.additionsLength) {
      this.rebuildAdditions();
    }
  }

  private rebuildAdditions(): void {
    this.additionsSource = this.data.additions;
    this.additionsLength = this.data.additions.length;
    this.additionById.clear();
    this.additionsByAgreement.clear();
    this.highestAdditionId = 0;
    for (const addition of this.data.additions) this.indexAddition(addition);
  }

  private indexAddition(addition: Addition): void {
    if (!this.additionById.has(addition.id)) this.additionById.set(addition.id, addition);
    const list = this.additionsByAgreement.get(addition.agreementId);
    if (list) list.push(addition);
    else this.additionsByAgreement.set(addition.agreementId, [addition]);
    this.highestAdditionId = Math.max(this.highestAdditionId, addition.id);
  }
}
