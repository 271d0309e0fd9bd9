/** `npm run bench`: runs every benchmark and prints one table. Figures come from here only. */
import { type Benchmark, type BenchRow, formatTable } from './benchTable';
import { pullCompanies } from './connectwiseCompanies';
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
];

if (process.argv[2] === '--import-child') {
  await importChild(process.argv[3] ?? '');
  process.exit(0);
}

const rows: BenchRow[] = [];
for (const benchmark of benchmarks) {
  process.stderr.write(`running: ${benchmark.name}\n`);
  rows.push(...(await benchmark.run()));
}
console.log(formatTable(rows));
console.log(
  `\nNode ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`,
);
