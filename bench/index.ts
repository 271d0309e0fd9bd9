/**
 * `npm run bench`: runs every benchmark (or those named by an argument) and prints one table.
 * Figures come from here only.
 */
import { type Benchmark, type BenchRow, formatTable } from './benchTable';
import { pullCompanies } from './connectwiseCompanies';
import { dashboardAndLogs } from './dashboardAndLogs';
import { importChild, importInvoiceLines } from './invoiceImport';
import { mappingScreens } from './mappingScreens';
import { suggestCompanies } from './mappingSuggestions';
import { postingRun } from './posting';

const benchmarks: Benchmark[] = [
  pullCompanies,
  importInvoiceLines,
  suggestCompanies,
  mappingScreens,
  postingRun,
  dashboardAndLogs,
];

if (process.argv[2] === '--import-child') {
  await importChild(process.argv[3] ?? '');
  process.exit(0);
}

// `npm run bench -- posting` runs only the benchmarks whose name contains "posting".
const only = process.argv[2];
const rows: BenchRow[] = [];
for (const benchmark of benchmarks.filter((b) => !only || b.name.includes(only))) {
  process.stderr.write(`running: ${benchmark.name}\n`);
  rows.push(...(await benchmark.run()));
}
console.log(formatTable(rows));
console.log(
  `\nNode ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`,
);
