import { MantineProvider } from '@mantine/core';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { createRouter } from './router';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

/** The providers, outermost first: theme (with the remembered colour scheme), then routes. */
export function App() {
  const [router] = useState(createRouter);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      <RouterProvider router={router} />
    </MantineProvider>
  );
}
