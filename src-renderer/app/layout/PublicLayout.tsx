import { Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { BrandMark } from '../../ui/BrandMark';
import { useT } from '../i18n';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import classes from './layout.module.css';

/** The frame of pages for people who are not signed in: logo, theme toggle, content. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <Box mih="100dvh">
      <a href="#main" className={classes.skipLink}>
        {t('layout.skipToContent')}
      </a>
      <Container size="lg" component="header" py="md">
        <Group justify="space-between" wrap="nowrap">
          <BrandMark />
          <ColorSchemeToggle />
        </Group>
      </Container>
      <Container
        size="lg"
        component="main"
        id="main"
        tabIndex={-1}
        className={classes.main}
        pb="xl"
      >
        {children ?? <Outlet />}
      </Container>
    </Box>
  );
}
