import { Card, Select, Stack, Tabs, Text } from '@mantine/core';
import {
  IconChartBar,
  IconDoorExit,
  IconHandStop,
  IconMessageCog,
  IconMessageQuestion,
  IconUserCheck,
} from '@tabler/icons-react';
import { useState, type ComponentType } from 'react';
import type { Session } from '../../../src-shared/schemas/sessions';
import { useT, type MessageKey } from '../../app/i18n';
import { ChatControlsTool } from './chat-controls/ChatControlsTool';
import { AttendanceTool } from './attendance/AttendanceTool';
import { ExitTicketsTool } from './exit-tickets/ExitTicketsTool';
import { PollsTool } from './polls/PollsTool';
import type { ClassToolProps, ClassToolRole } from './class-tool';
import { HandsTool } from './hands/HandsTool';
import { QuestionsTool } from './questions/QuestionsTool';

export type { ClassToolProps, ClassToolRole } from './class-tool';

interface ClassTool {
  id: string;
  label: MessageKey;
  /** The word under the icon in the desktop tab row; `label` stays its accessible name. */
  short: MessageKey;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  Tool: ComponentType<ClassToolProps>;
}

/**
 * The live class's tools, one line each: a tool is its own folder with one
 * component taking `ClassToolProps`. Order is the order of the tabs.
 */
const tools: readonly ClassTool[] = [
  {
    id: 'hands',
    label: 'classTools.tab.hands',
    short: 'classTools.short.hands',
    icon: IconHandStop,
    Tool: HandsTool,
  },
  {
    id: 'questions',
    label: 'classTools.tab.questions',
    short: 'classTools.short.questions',
    icon: IconMessageQuestion,
    Tool: QuestionsTool,
  },
  {
    id: 'chat',
    label: 'classTools.tab.chat',
    short: 'classTools.short.chat',
    icon: IconMessageCog,
    Tool: ChatControlsTool,
  },
  {
    id: 'polls',
    label: 'classTools.tab.polls',
    short: 'classTools.short.polls',
    icon: IconChartBar,
    Tool: PollsTool,
  },
  {
    id: 'attendance',
    label: 'classTools.tab.attendance',
    short: 'classTools.short.attendance',
    icon: IconUserCheck,
    Tool: AttendanceTool,
  },
  {
    id: 'exit',
    label: 'classTools.tab.exit',
    short: 'classTools.short.exit',
    icon: IconDoorExit,
    Tool: ExitTicketsTool,
  },
];

/** Host = teacher, member = student; an admin looking in from outside only reads. */
export function classToolRole(session: Session, isAdmin: boolean): ClassToolRole | null {
  if (session.myRole === 'host') return 'teacher';
  if (session.myRole === 'member') return 'student';
  return isAdmin ? 'observer' : null;
}

/**
 * The live-class tools on a session page, for the teacher and the students
 * alike: each tool decides what its role sees, and the hub enforces it.
 */
export function ClassToolsPanel({ session, isAdmin }: { session: Session; isAdmin: boolean }) {
  const t = useT();
  const [tab, setTab] = useState<string>(tools[0]!.id);
  const role = classToolRole(session, isAdmin);
  if (!role) return null;
  const show = (value: string | null) => value && setTab(value);
  return (
    <Card shadow="xs" withBorder p={{ base: 'sm', sm: 'md' }} data-testid="class-tools">
      {/* Seven tabs wrap into a wall on a phone: there, one select picks the tool. */}
      <Select
        hiddenFrom="sm"
        mb="sm"
        label={t('classTools.picker')}
        data={tools.map((tool) => ({ value: tool.id, label: t(tool.label) }))}
        value={tab}
        allowDeselect={false}
        onChange={show}
        data-testid="class-tools-select"
      />
      <Tabs value={tab} onChange={show} keepMounted={false}>
        {/*
          One row on a desktop: a short word under each icon, the tabs sharing the width
          evenly; a window narrower still scrolls the row sideways rather than wrapping it.
        */}
        <Tabs.List
          mb="md"
          visibleFrom="sm"
          grow
          aria-label={t('classTools.title')}
          style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}
          data-testid="class-tools-tabs"
        >
          {tools.map((tool) => (
            <Tabs.Tab
              key={tool.id}
              value={tool.id}
              px="xs"
              py={6}
              miw="max-content"
              aria-label={t(tool.label)}
              title={t(tool.label)}
            >
              <Stack gap={2} align="center">
                <tool.icon size={18} aria-hidden />
                <Text span size="xs" fw={600} lh={1.2} style={{ whiteSpace: 'nowrap' }}>
                  {t(tool.short)}
                </Text>
              </Stack>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tools.map((tool) => (
          <Tabs.Panel key={tool.id} value={tool.id}>
            <tool.Tool sessionId={session.id} role={role} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Card>
  );
}
