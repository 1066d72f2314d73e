import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChalkboard, IconBackpack } from '@tabler/icons-react';
import type { Role } from '../../../../src-shared/schemas/accounts';
import { useT, type MessageKey } from '../../../app/i18n';
import classes from './RolePicker.module.css';

const choices: { role: Role; title: MessageKey; text: MessageKey; icon: typeof IconBackpack }[] = [
  {
    role: 'student',
    title: 'register.role.student',
    text: 'register.role.studentText',
    icon: IconBackpack,
  },
  {
    role: 'teacher',
    title: 'register.role.teacher',
    text: 'register.role.teacherText',
    icon: IconChalkboard,
  },
];

/** "I am a student / a teacher" as two large radio cards (one Tab stop, arrows to switch). */
export function RolePicker({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  const t = useT();
  return (
    <Radio.Group
      value={value}
      onChange={(next) => onChange(next as Role)}
      label={t('register.role.label')}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt="xs">
        {choices.map(({ role, title, text, icon: Icon }) => (
          <Radio.Card
            key={role}
            value={role}
            p="md"
            radius="md"
            className={classes.card}
            data-testid={`role-${role}`}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <Stack gap={2}>
                <Group gap={6} wrap="nowrap">
                  <Icon size={18} stroke={1.7} aria-hidden />
                  <Text fw={600}>{t(title)}</Text>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(text)}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
