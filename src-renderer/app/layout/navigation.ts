import {
  IconBooks,
  IconCalendarEvent,
  IconCloudDownload,
  IconHome,
  IconMessages,
  IconPresentation,
  IconSchool,
  IconShieldCog,
  IconUserCircle,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Account } from '../../../src-shared/schemas/accounts';
import type { MessageKey } from '../i18n';
import { isDesktop } from '../../desktop';

export interface NavigationEntry {
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: Icon;
  /** Who sees the entry; everyone signed in when absent. */
  readonly visibleTo?: (account: Account) => boolean;
}

/**
 * The side navigation (and the drawer on narrow windows). An entry goes here
 * only together with a real page behind it: no links to "coming soon".
 */
export const navigation: readonly NavigationEntry[] = [
  { path: '/home', label: 'nav.home', icon: IconHome },
  { path: '/courses', label: 'nav.courses', icon: IconBooks },
  { path: '/sessions', label: 'nav.sessions', icon: IconPresentation },
  { path: '/calendar', label: 'nav.calendar', icon: IconCalendarEvent },
  { path: '/chat', label: 'nav.chat', icon: IconMessages },
  {
    path: '/students',
    label: 'nav.students',
    icon: IconSchool,
    visibleTo: (account) => account.role === 'teacher',
  },
  { path: '/library', label: 'nav.library', icon: IconCloudDownload, visibleTo: () => isDesktop() },
  { path: '/profile', label: 'nav.profile', icon: IconUserCircle },
  { path: '/people', label: 'nav.people', icon: IconUsers },
  {
    path: '/admin',
    label: 'nav.admin',
    icon: IconShieldCog,
    visibleTo: (account) => account.isAdmin,
  },
];
