export interface Finding {
  check: string;
  file: string;
  code: string;
}
export interface BaselineEntry extends Finding {
  why: string;
}
export const whyPlaceholder: string;
export function codeIdentifier(sourceLine: string | null | undefined): string;
export function findingKey(finding: Finding): string;
export function compareWithBaseline<F extends Finding, E extends Finding>(
  findings: F[],
  baselineEntries: E[],
): { known: { finding: F; entry: E }[]; fresh: F[]; stale: E[] };
export function unreviewedEntries<E extends Partial<BaselineEntry>>(baselineEntries: E[]): E[];
export function isShippedFile(file: string): boolean;
