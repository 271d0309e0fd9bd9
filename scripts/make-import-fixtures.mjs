// Writes the Platform export fixtures of tests/fixtures/platform-export/ (CSV dialects, XLSX,
// JSON and broken files) from one set of invoice lines, so every dialect holds the same data.
// Run after changing them: `npm run fixtures` (the text files come out the same byte for byte;
// the XLSX differs only in its ZIP timestamps).
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { invoiceLineFields } from '../shared/platformInvoiceLine';

// Run from the repository root (npm scripts are): the bundle itself lives in dist/scripts/.
const folder = new URL('tests/fixtures/platform-export/', pathToFileURL(`${process.cwd()}/`));

const canonicalHeader = invoiceLineFields.map(({ column }) => column);

/**
 * January 2026 invoice lines: all six charge types, every billing cycle, EUR and USD. One line
 * per row, values separated by "|", in the order of `canonicalHeader`.
 */
const lines = `
IL-2026-01-0001|INV-2026-0142|2026-01-31|ORG-1001|Contoso Ltd|CTR-5001|EUR|SUB-70001|Microsoft 365 Business Standard|CFQ7TTC0LDPB|Microsoft 365 Business Standard|Microsoft|Cycle Fee|Monthly|25|11.70|9.36|2026-01-01|2026-01-31
IL-2026-01-0002|INV-2026-0142|2026-01-31|ORG-1001|Contoso Ltd|CTR-5001|EUR|SUB-70002|Microsoft 365 E3|CFQ7TTC0LFLX|Microsoft 365 E3|Microsoft|Cycle Fee|Annual|10|372.00|334.80|2026-01-01|2026-12-31
IL-2026-01-0003|INV-2026-0142|2026-01-31|ORG-1001|Contoso Ltd|CTR-5001|EUR|SUB-70001|Microsoft 365 Business Standard|CFQ7TTC0LDPB|Microsoft 365 Business Standard|Microsoft|Correction|Monthly|-2|11.70|9.36|2026-01-15|2026-01-31
IL-2026-01-0004|INV-2026-0143|2026-01-31|ORG-1002|Fabrikam, Inc.|CTR-5002|USD|SUB-70010|Azure plan|DZH318Z0BPS6|Azure plan|Microsoft|Usage Fee|Monthly|1|1843.2755||2026-01-01|2026-01-31
IL-2026-01-0005|INV-2026-0143|2026-01-31|ORG-1002|Fabrikam, Inc.|CTR-5002|USD|SUB-70011|Acronis Cyber Protect Cloud|ACR-CPC-WS|Acronis Cyber Protect Cloud – Workstation|Acronis|Cycle Fee|Quarterly|40|4.50|3.15|2026-01-01|2026-03-31
IL-2026-01-0006|INV-2026-0143|2026-01-31|ORG-1002|Fabrikam, Inc.|CTR-5002|USD|SUB-70012|Windows Server 2025 Standard|DG7GMGF0D7FV|Windows Server 2025 Standard – 16 core|Microsoft|Cycle Fee|Triennial|2|1069.00|962.10|2026-01-01|2028-12-31
IL-2026-01-0007|INV-2026-0143|2026-01-31|ORG-1002|Fabrikam, Inc.|CTR-5002|USD|SUB-70013|Onboarding|SRV-ONBOARD|Onboarding service||One Time Fee|One Time|1|250.00||2026-01-12|2026-01-12
IL-2026-01-0008|INV-2026-0144|2026-01-31|ORG-1003|Northwind Traders|CTR-5003|EUR|SUB-70020|Dropbox Business Advanced|DBX-ADV|Dropbox Business Advanced|Dropbox|Cycle Fee|Monthly|8|18.00|14.40|2026-01-01|2026-01-31
IL-2026-01-0009|INV-2026-0144|2026-01-31|ORG-1003|Northwind Traders|CTR-5003|EUR|SUB-70021|Domain northwind-traders.eu|DOM-EU|.eu domain registration|Tucows|Purchase Fee|Annual|1|9.90|6.50|2026-01-20|2027-01-19
IL-2026-01-0010|INV-2026-0144|2026-01-31|ORG-1003|Northwind Traders|CTR-5003|EUR|SUB-70022|YubiKey 5 NFC|HW-YK5NFC|YubiKey 5 NFC|Yubico|Item Fee|One Time|5|55.00|41.25|2026-01-09|2026-01-09
IL-2026-01-0011|INV-2026-0144|2026-01-31|ORG-1003|Northwind Traders|CTR-5003|EUR|SUB-70020|Dropbox Business Advanced|DBX-ADV|Dropbox Business Advanced|Dropbox|Correction|Monthly|-1|18.00|14.40|2026-01-10|2026-01-31
IL-2026-01-0012|INV-2026-0145|2026-01-31|ORG-1004|Müller GmbH|CTR-5004|EUR|SUB-70030|Microsoft 365 Business Premium|CFQ7TTC0LCHC|Microsoft 365 Business Premium|Microsoft|Cycle Fee|Monthly|12|20.60|16.48|2026-01-01|2026-01-31
IL-2026-01-0013|INV-2026-0145|2026-01-31|ORG-1004|Müller GmbH|CTR-5004|EUR|SUB-70031|Exchange Online (Plan 1)|CFQ7TTC0LH16|Exchange Online (Plan 1)|Microsoft|Cycle Fee|Annual|3|45.60|41.04|2026-01-01|2026-12-31
IL-2026-01-0014|INV-2026-0145|2026-01-31|ORG-1004|Müller GmbH|CTR-5004|EUR|SUB-70032|Migration to Microsoft 365|SRV-MIGRATE|Mailbox migration||One Time Fee|One Time|12|15.00||2026-01-05|2026-01-05
IL-2026-01-0015|INV-2026-0146|2026-01-31|ORG-1005|Société Générale Services|CTR-5005|EUR|SUB-70040|Azure plan|DZH318Z0BPS6|Azure plan|Microsoft|Usage Fee|Monthly|1|612.0412||2026-01-01|2026-01-31
IL-2026-01-0016|INV-2026-0146|2026-01-31|ORG-1005|Société Générale Services|CTR-5005|EUR|SUB-70041|Dynamics 365 Business Central Essentials|CFQ7TTC0LH3B|Dynamics 365 Business Central Essentials|Microsoft|Cycle Fee|Annual|4|843.60|759.24|2026-01-01|2026-12-31
IL-2026-01-0017|INV-2026-0147|2026-01-31|ORG-1006|Tailspin Toys|CTR-5006|USD|SUB-70050|Adobe Acrobat Pro for teams|ADB-ACRO-T|Adobe Acrobat Pro for teams|Adobe|Cycle Fee|Annual|6|239.88|203.90|2026-01-01|2026-12-31
IL-2026-01-0018|INV-2026-0147|2026-01-31|ORG-1006|Tailspin Toys|CTR-5006|USD|SUB-70051|Surface Laptop 7|HW-SL7-16|Surface Laptop 7 – 16 GB|Microsoft|Purchase Fee|One Time|2|1499.00|1349.10|2026-01-22|2026-01-22
IL-2026-01-0019|INV-2026-0147|2026-01-31|ORG-1006|Tailspin Toys|CTR-5006|USD|SUB-70052|USB-C docking station|HW-DOCK-C|USB-C docking station|Dell|Item Fee|One Time|2|189.99|151.99|2026-01-22|2026-01-22
IL-2026-01-0020|INV-2026-0147|2026-01-31|ORG-1006|Tailspin Toys|CTR-5006|USD|SUB-70050|Adobe Acrobat Pro for teams|ADB-ACRO-T|Adobe Acrobat Pro for teams|Adobe|Correction|Annual|-1|239.88|203.90|2026-01-16|2026-12-31
`
  .trim()
  .split('\n')
  .map((line) => line.split('|'));

function column(name) {
  return canonicalHeader.indexOf(name);
}

/** A field quoted when the dialect needs it: delimiter, quote or line break inside. */
function csvField(value, delimiter) {
  return value.includes(delimiter) || /["\r\n]/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

function csvText(rows, { delimiter = ',', newline = '\n' } = {}) {
  return (
    rows
      .map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter))
      .join(newline) + newline
  );
}

/** Windows-1252 bytes of text (the few characters 0x80–0x9F stand for, then Latin-1). */
function windows1252(text) {
  const special = {
    '€': 0x80,
    '‚': 0x82,
    '„': 0x84,
    '…': 0x85,
    '–': 0x96,
    '—': 0x97,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    Š: 0x8a,
    š: 0x9a,
    Œ: 0x8c,
    œ: 0x9c,
    Ž: 0x8e,
    ž: 0x9e,
    Ÿ: 0x9f,
  };
  return Uint8Array.from([...text], (character) => {
    const code = special[character] ?? character.codePointAt(0);
    if (code > 0xff) throw new Error(`${character} has no Windows-1252 byte`);
    return code;
  });
}

const dayFirst = (iso, separator = '.') => {
  const [year, month, day] = iso.split('-');
  return `${day}${separator}${month}${separator}${year}`;
};
const decimalComma = (value) => value.replace('.', ',');

async function write(name, content) {
  await writeFile(new URL(name, folder), content);
}

/** A small, valid PNG of noise: a binary file that is certainly not an export. */
function noisePng(width, height) {
  let seed = 20260131;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 24;
  };
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 1; x <= width * 3; x += 1) raw[y * (width * 3 + 1) + x] = random();
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function writeXlsx() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Platform export';
  workbook.created = new Date(Date.UTC(2026, 1, 1));
  workbook.modified = new Date(Date.UTC(2026, 1, 1));
  const sheet = workbook.addWorksheet('Invoice Lines');
  const headers = [
    'Invoice Line ID',
    'Invoice Number',
    'Invoice Date',
    'Customer ID',
    'Customer Name',
    'Contract ID',
    'Currency Code',
    'Subscription ID',
    'Subscription',
    'Product ID',
    'Product Name',
    'Publisher',
    'Charge Type',
    'Billing Frequency',
    'Qty',
    'Sales Price',
    'Cost',
    'Period Start',
    'Period End',
    'Notes',
  ];
  sheet.addRow(headers);
  const date = (iso) => new Date(`${iso}T00:00:00Z`);
  for (const line of lines.slice(0, 10)) {
    const row = line.map((value, index) => {
      const name = canonicalHeader[index];
      if (name.endsWith('_date')) return date(value);
      if (['quantity', 'unit_price', 'unit_cost'].includes(name))
        return value === '' ? null : Number(value);
      if (name === 'organization_id') return Number(value.replace('ORG-', ''));
      return value;
    });
    row.push('');
    sheet.addRow(row);
  }
  // A price a spreadsheet computed: 0.1 + 0.2 is stored as 0.30000000000000004.
  const computed = [...lines[7]];
  computed[column('line_id')] = 'IL-2026-01-0099';
  const computedRow = computed.map((value, index) => {
    const name = canonicalHeader[index];
    if (name.endsWith('_date')) return date(value);
    if (name === 'quantity') return 3;
    if (name === 'unit_price') return { formula: '0.1+0.2', result: 0.1 + 0.2 };
    if (name === 'unit_cost') return 0.1 + 0.2 - 0.05;
    if (name === 'organization_id') return 1003;
    return value;
  });
  computedRow.push('price recomputed');
  sheet.addRow(computedRow);
  for (const cell of ['C', 'R', 'S']) sheet.getColumn(cell).numFmt = 'dd.mm.yyyy';
  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['This sheet is not read.']);
  notes.addRow(['line_id', 'quantity']);
  notes.addRow(['IL-NOT-READ', 'abc']);
  await workbook.xlsx.writeFile(new URL('invoice-lines.xlsx', folder).pathname);
}

await mkdir(folder, { recursive: true });

// The realistic sample: canonical headers, ",", LF, ISO dates, "." decimals.
await write('sample-invoice-lines.csv', csvText([canonicalHeader, ...lines]));

// A European spreadsheet's CSV: ";", CRLF, "12,50", 31.01.2026, alias headers.
const aliasHeader = [
  'Invoice Line ID',
  'Invoice Number',
  'Invoice Date',
  'Customer ID',
  'Customer Name',
  'Contract ID',
  'Currency',
  'Subscription ID',
  'Subscription',
  'SKU',
  'Product',
  'Manufacturer',
  'Charge Type',
  'Billing Frequency',
  'Qty',
  'Sales Price',
  'Cost',
  'Period Start',
  'Period End',
];
const decimalColumns = [column('quantity'), column('unit_price'), column('unit_cost')];
const dateColumns = [
  column('invoice_date'),
  column('charge_start_date'),
  column('charge_end_date'),
];
await write(
  'semicolon-decimal-comma-day-first.csv',
  csvText(
    [
      aliasHeader,
      ...lines
        .slice(0, 12)
        .map((line) =>
          line.map((value, index) =>
            decimalColumns.includes(index)
              ? decimalComma(value)
              : dateColumns.includes(index)
                ? dayFirst(value, index === dateColumns[0] ? '/' : '.')
                : value,
          ),
        ),
    ],
    { delimiter: ';', newline: '\r\n' },
  ),
);

// Tab separated, compact charge types and "Every N months" cycles, as some Platforms export.
const cycleSpelling = {
  Monthly: 'Every 1 months',
  Quarterly: 'Every 3 months',
  Annual: 'Every 12 months',
  Triennial: 'Every 36 months',
  'One Time': 'One Time',
};
await write(
  'tab-separated.tsv',
  csvText(
    [
      canonicalHeader.map((name) => name.toUpperCase().replaceAll('_', ' ')),
      ...lines.map((line) =>
        line.map((value, index) =>
          index === column('charge_type')
            ? value.replaceAll(' ', '')
            : index === column('billing_cycle')
              ? cycleSpelling[value]
              : value,
        ),
      ),
    ],
    { delimiter: '\t' },
  ),
);

// Quoted fields with line breaks, doubled quotes and delimiters inside.
const quoted = lines.slice(0, 6).map((line) => [...line]);
quoted[1][column('subscription_name')] = 'Microsoft 365 E3\n(annual commitment, "paid yearly")';
quoted[2][column('organization_name')] = 'Contoso "Europe" Ltd';
quoted[4][column('offer_name')] = 'Acronis Cyber Protect Cloud,\r\nWorkstation';
await write(
  'quoted-newlines-and-quotes.csv',
  csvText([canonicalHeader, ...quoted], { newline: '\r\n' }),
);

// UTF-8 with a byte-order mark, as Excel writes "CSV UTF-8".
const accented = lines.slice(11, 16);
await write('utf8-with-bom.csv', `\uFEFF${csvText([canonicalHeader, ...accented])}`);

// Windows-1252, as Excel writes plain "CSV" on a Western European Windows.
const legacy = accented.map((line) => [...line]);
legacy[2][column('subscription_name')] = 'Migration to Microsoft 365 – 12 mailboxes à 15 €';
await write(
  'windows-1252.csv',
  windows1252(csvText([canonicalHeader, ...legacy], { newline: '\r\n' })),
);

await writeXlsx();

// JSON: an array of objects with the canonical keys; numbers as JSON numbers or strings.
const jsonLines = lines.slice(0, 5).map((line) => {
  const entry = Object.fromEntries(canonicalHeader.map((name, index) => [name, line[index]]));
  entry.quantity = Number(entry.quantity);
  if (entry.unit_cost === '') delete entry.unit_cost;
  if (entry.vendor === '') entry.vendor = null;
  return entry;
});
jsonLines[1].unit_price = 372.0;
await write('invoice-lines.json', `${JSON.stringify(jsonLines, null, 2)}\n`);
await write(
  'invoice-lines-wrapped.json',
  `${JSON.stringify({ exported_at: '2026-02-01T06:00:00Z', period: { from: '2026-01-01', to: '2026-01-31' }, lines: jsonLines.slice(0, 2) }, null, 2)}\n`,
);

// Broken files: each lists every problem.
const withoutColumns = (names) => {
  const keep = canonicalHeader
    .map((name, index) => (names.includes(name) ? -1 : index))
    .filter((index) => index >= 0);
  return [
    keep.map((index) => canonicalHeader[index]),
    ...lines.slice(0, 3).map((line) => keep.map((index) => line[index])),
  ];
};
await write(
  'broken-missing-required-column.csv',
  csvText(withoutColumns(['currency', 'charge_type'])),
);

const replaced = (changes) => {
  const copy = lines.slice(0, 8).map((line) => [...line]);
  for (const [lineIndex, name, value] of changes) copy[lineIndex][column(name)] = value;
  return csvText([canonicalHeader, ...copy]);
};
await write(
  'broken-bad-date.csv',
  replaced([
    [1, 'charge_start_date', '2026-02-30'],
    [3, 'invoice_date', '31.01.2026'],
    [5, 'charge_end_date', 'end of month'],
  ]),
);
await write(
  'broken-bad-number.csv',
  replaced([
    [0, 'quantity', 'ten'],
    [2, 'unit_price', '1,234.50'],
    [6, 'unit_cost', '12.5.0'],
  ]),
);
await write(
  'broken-unknown-charge-type.csv',
  replaced([
    [1, 'charge_type', 'Setup Fee'],
    [4, 'charge_type', 'Refund'],
    [7, 'charge_type', 'Cycle'],
  ]),
);
await write('broken-header-only.csv', csvText([canonicalHeader]));
await write('broken-zero-bytes.csv', '');
await write('broken-binary.png', noisePng(40, 40));
// The last row opens a quote it never closes: the parser reads to the end of the file for it.
await write(
  'broken-unclosed-quote.csv',
  `${csvText([canonicalHeader, ...lines.slice(0, 4)])}${lines[4]
    .map((value, index) =>
      index === column('subscription_name') ? `"${value}` : csvField(value, ','),
    )
    .join(',')}\n`,
);
await write(
  'broken-malformed.json',
  `${JSON.stringify(jsonLines.slice(0, 2), null, 2).slice(0, -2)},\n  { "line_id": "IL-2026-01-0003", "quantity": 2,, "unit_price": "11.70" }\n]\n`,
);
console.log(`Wrote the fixtures to ${folder.pathname}`);
