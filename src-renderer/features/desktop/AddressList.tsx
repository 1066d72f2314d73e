import { ActionIcon, Code, CopyButton, Group, Stack, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useT } from '../../app/i18n';

/** The hosted hub's addresses (LAN first), each with a copy button. */
export function AddressList({ urls }: { urls: readonly string[] }) {
  const t = useT();
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {urls.map((url) => (
        <Group key={url} component="li" gap={6} wrap="nowrap">
          <Code fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {url}
          </Code>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('desktop.host.copy')}>
                <ActionIcon
                  variant="subtle"
                  onClick={copy}
                  aria-label={t('desktop.host.copyNamed', { url })}
                >
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      ))}
    </Stack>
  );
}
