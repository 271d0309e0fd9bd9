import { Accordion, List, Text } from '@mantine/core';
import { Info } from 'lucide-react';

/** The collapsible "How to obtain API credentials" box (its text is ours). */
export function CredentialsHelp() {
  return (
    <Accordion variant="contained" chevronPosition="right">
      <Accordion.Item value="help">
        <Accordion.Control icon={<Info size={18} aria-hidden />}>
          How to obtain API credentials
        </Accordion.Control>
        <Accordion.Panel>
          <List type="ordered" spacing="xs" size="sm">
            <List.Item>
              In ConnectWise, open System › Members › API Members and click "+" to add an API
              member.
            </List.Item>
            <List.Item>
              Give the member a security role with at least: Companies (inquire), Finance ›
              Agreements (add, edit, inquire), Procurement › Product Catalog (inquire) and System ›
              Table Setup (inquire).
            </List.Item>
            <List.Item>
              Save the member, open its API Keys tab and create a key pair. Copy both keys: the
              private key is shown only once.
            </List.Item>
            <List.Item>
              Enter your site's URL, your ConnectWise company ID (the one you sign in with) and both
              keys below.
            </List.Item>
          </List>
          <Text size="sm" c="dimmed" mt="xs">
            The private key is kept in your operating system's keychain and is never shown again.
          </Text>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
