import { Text } from '@mantine/core';
import { useT } from '../../../app/i18n';
import type { ClassToolProps } from '../class-tool';

/** Placeholder while the tool is built. */
export function HandsTool(_props: ClassToolProps) {
  const t = useT();
  return <Text c="dimmed">{t('classTools.soon')}</Text>;
}
