/** A failure as the sentence the Invoices tab shows. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
