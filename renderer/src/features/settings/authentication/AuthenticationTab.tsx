import { Stack } from '@mantine/core';
import { useAppStatus } from '@renderer/app/appStatusStore';
import { AdministrativeActions } from './AdministrativeActions';
import { ConnectionCard } from './ConnectionCard';
import { CredentialsHelp } from './CredentialsHelp';
import { useConnectWiseConnection } from './connectwiseConnectionStore';
import { usePlatformConnection } from './platformConnectionStore';

export function AuthenticationTab() {
  const connected = useConnectWiseConnection((state) => state.saved !== null);
  const demo = useAppStatus((state) => state.info?.demo ?? null);
  return (
    <Stack gap="lg" maw={720}>
      <CredentialsHelp />
      <ConnectionCard
        store={useConnectWiseConnection}
        title="Connection Credentials"
        description="Configure your ConnectWise Integration to manage and bill your customers."
        fields={[
          {
            name: 'siteUrl',
            label: 'API URL',
            placeholder: 'https://staging.connectwisedev.com',
            autoComplete: 'url',
          },
          { name: 'companyId', label: 'ConnectWise Company ID', autoComplete: 'organization' },
          { name: 'publicKey', label: 'API Public Key', autoComplete: 'off', spellCheck: false },
          {
            name: 'privateKey',
            label: 'API Private Key',
            secret: true,
            savedHint: 'Saved in the OS keychain. Enter it again to change any field.',
          },
        ]}
        labels={{ test: 'Test Connection', save: 'Save' }}
        fill={
          demo
            ? {
                label: 'Use the demo ConnectWise',
                values: {
                  siteUrl: demo.connectwise.siteUrl,
                  companyId: demo.connectwise.companyId,
                  publicKey: demo.connectwise.publicKey,
                  privateKey: demo.connectwise.privateKey,
                },
              }
            : undefined
        }
        progress={{
          testing: 'Testing the connection…',
          saving: 'Testing and saving the connection…',
        }}
      />
      {/* Where the app reads the Platform's billing data from (an export file needs no connection). */}
      <ConnectionCard
        store={usePlatformConnection}
        title="Platform Connection"
        description="The Platform API the app loads invoice lines from. Without it, load lines from an export file."
        fields={[
          {
            name: 'baseUrl',
            label: 'Platform API URL',
            placeholder: 'https://api.platform.example',
          },
          {
            name: 'token',
            label: 'Platform API Token',
            secret: true,
            savedHint: 'Saved in the OS keychain. Enter it again to change the URL.',
          },
        ]}
        labels={{
          test: 'Test Platform Connection',
          save: 'Save Platform Connection',
          remove: 'Remove Platform Connection',
        }}
        fill={
          demo
            ? {
                label: 'Use the demo Platform',
                values: { baseUrl: demo.platform.baseUrl, token: demo.platform.token },
              }
            : undefined
        }
      />
      {connected && <AdministrativeActions />}
    </Stack>
  );
}
