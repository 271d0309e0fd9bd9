import { Table, Text } from '@mantine/core';

/** The vocabulary of docs/product.md §0: the same thing under its Platform and ConnectWise names. */
const terms: ReadonlyArray<{ platform: string; connectWise: string; meaning: string }> = [
  { platform: 'Organizations', connectWise: 'Companies', meaning: 'The customers you bill.' },
  {
    platform: 'Offers',
    connectWise: 'Products',
    meaning: 'What you sell; Offers are mapped to catalog items.',
  },
  {
    platform: 'Contracts',
    connectWise: 'Agreements',
    meaning: 'The commercial agreement the lines are billed under.',
  },
  {
    platform: 'Invoice lines',
    connectWise: 'Additions',
    meaning: 'Each billed line becomes an Addition on an Agreement.',
  },
  {
    platform: 'Charge Start Date',
    connectWise: 'Effective Date',
    meaning: 'The first day the charge covers.',
  },
  {
    platform: 'Charge End Date',
    connectWise: 'Cancelled Date',
    meaning: 'The last day the charge covers.',
  },
  {
    platform: 'Billing Cycle',
    connectWise: 'Billing Cycle',
    meaning: 'How often the charge recurs: monthly, annual, …',
  },
  {
    platform: 'Subscription name + Charge Type',
    connectWise: 'Product Invoice Description (invoiceDescription)',
    meaning: 'The text the customer reads on the invoice.',
  },
];

export function DictionaryTab() {
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        The Platform and ConnectWise name some things differently. This table shows which names mean
        the same thing.
      </Text>
      <Table striped withTableBorder maw={960} aria-label="Dictionary">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Platform</Table.Th>
            <Table.Th>ConnectWise</Table.Th>
            <Table.Th>Meaning</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.map((term) => (
            <Table.Tr key={term.platform}>
              <Table.Td>{term.platform}</Table.Td>
              <Table.Td>{term.connectWise}</Table.Td>
              <Table.Td>{term.meaning}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
