import { Menu } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useT } from '../../app/i18n';
import { desktopBridge } from '../../desktop';

/** Desktop only, in the user menu: back to the start screen to host or pick another hub. */
export function SwitchHubMenuItem() {
  const t = useT();
  const bridge = desktopBridge();
  if (!bridge) return null;
  return (
    <Menu.Item
      leftSection={<IconArrowsExchange size={18} />}
      onClick={() => void bridge.hubs.leave().catch(() => undefined)}
    >
      {t('desktop.switchHub')}
    </Menu.Item>
  );
}
