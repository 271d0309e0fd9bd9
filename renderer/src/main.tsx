import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './focus.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, NoBridge } from './app/App';
import { installBridge, pickTransport } from './bridge';
import { cssVariablesResolver, theme } from './theme';

const transport = pickTransport();
if (transport) installBridge(transport);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <Notifications position="top-right" />
      {transport ? <App /> : <NoBridge />}
    </MantineProvider>
  </StrictMode>,
);
