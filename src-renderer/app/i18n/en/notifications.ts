/** The notification bell and its panel. */
export const notifications = {
  'notifications.title': 'Notifications',
  'notifications.openUnread': 'Notifications, {count} unread',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.loadOlder': 'Load older',
  'notifications.unread': 'Unread',
  'notifications.justNow': 'just now',
  'notifications.close': 'Close notifications',
  'notifications.desktop': 'Show on this computer',
  'notifications.desktopHint': 'System notifications and the unread count on the app icon',
  'notifications.loadFailed': 'Notifications could not be loaded.',
} as const;
