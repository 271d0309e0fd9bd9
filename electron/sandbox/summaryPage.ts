/**
 * The shell of a simulator's read-only `GET /sandbox` page: the document, its style, tables and
 * escaping. Every value goes through `escapeHtml`: names in the data carry `&`, `"`, `<` and
 * apostrophes on purpose.
 *
 * Shared scaffolding: page plumbing only. What a page lists stays in each simulator, in its own
 * API's words.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function cell(value: unknown): string {
  return `<td>${escapeHtml(value)}</td>`;
}

/** Right-aligned, for counts and amounts. */
export function numberCell(value: unknown): string {
  return `<td class="n">${escapeHtml(value)}</td>`;
}

/** `rows` are lists of `cell`/`numberCell`; `empty` is said in a row of its own when there are none. */
export function table(
  headings: readonly string[],
  rows: readonly string[][],
  empty: string,
): string {
  const body =
    rows.length === 0
      ? `<tr><td colspan="${headings.length}" class="none">${escapeHtml(empty)}</td></tr>`
      : rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('\n');
  return `<table>
<thead><tr>${headings.map((heading) => `<th>${escapeHtml(heading)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

/** `body` is HTML, already escaped; `style` adds to the shared rules. */
export function htmlPage(title: string, body: string, style = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2733; }
table { border-collapse: collapse; margin-bottom: 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.none { color: #6a737d; font-style: italic; }
${style}
</style>
</head>
<body>
${body}
</body>
</html>`;
}
