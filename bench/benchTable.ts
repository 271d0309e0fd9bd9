/** Rows of `npm run bench`; later capabilities add their own benchmarks to bench/index.ts. */
export interface BenchRow {
  benchmark: string;
  variant: string;
  figures: Record<string, string | number>;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}

export function formatTable(rows: BenchRow[]): string {
  const figureNames = [...new Set(rows.flatMap((row) => Object.keys(row.figures)))];
  const header = ['benchmark', 'variant', ...figureNames];
  const body = rows.map((row) => [
    row.benchmark,
    row.variant,
    ...figureNames.map((name) => String(row.figures[name] ?? '')),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...body.map((cells) => (cells[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
