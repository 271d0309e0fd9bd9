import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiPaths } from './billingApi';
import { billingCycles, chargeTypes, generateBillingHistory } from './index';

/** The contract the simulator is written from; read as text, the checks are about drift. */
const document = readFileSync(new URL('../../../docs/platform-api.yaml', import.meta.url), 'utf8');

/** The lines of the block that starts at `header` (exact line) and is indented deeper than it. */
function block(header: string): string[] {
  const lines = document.split('\n');
  const start = lines.indexOf(header);
  if (start === -1) throw new Error(`No "${header}" in platform-api.yaml`);
  const indent = header.length - header.trimStart().length;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && line.length - line.trimStart().length <= indent) break;
    body.push(line);
  }
  return body;
}

function propertyNames(schema: string): string[] {
  const properties = block(`    ${schema}:`).join('\n');
  const section = properties.slice(properties.indexOf('      properties:'));
  return [...section.matchAll(/^ {8}(\w+):/gm)].map((match) => match[1] as string).sort();
}

describe('docs/platform-api.yaml', () => {
  it('documents exactly the paths the simulator serves', () => {
    const documented = [...document.matchAll(/^ {2}(\/v1\/[\w-]+):$/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...apiPaths].sort());
  });

  it('documents exactly the fields the simulator sends', () => {
    const data = generateBillingHistory({ organizations: 5, months: 2 });
    const records = {
      Organization: data.organizations[0],
      Offer: data.offers[0],
      Contract: data.contracts[0],
      Invoice: data.invoices[0],
      InvoiceLine: data.invoiceLines[0],
    };
    for (const [schema, record] of Object.entries(records)) {
      expect(propertyNames(schema), schema).toEqual(Object.keys(record ?? {}).sort());
    }
  });

  it('lists the same charge types and billing cycles', () => {
    expect(block('    ChargeType:').join('\n')).toContain(`enum: [${chargeTypes.join(', ')}]`);
    expect(block('    BillingCycle:').join('\n')).toContain(`enum: [${billingCycles.join(', ')}]`);
  });
});
