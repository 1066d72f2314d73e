/** The device board: a course's students and how ready their devices are for class. */
export const devices = {
  'courses.tab.devices': 'Devices',
  'devices.title': 'Device board',
  'devices.lead':
    'What your students’ devices report: who is online, and whose desktop app holds every material for offline use. Only you and admins see this.',
  'devices.ready':
    '{ready} of {count, plural, one {# student} other {# students}} have every material offline',
  'devices.student': 'Student',
  'devices.device': 'Device',
  'devices.lastSync': 'Last sync',
  'devices.outbox': 'Outbox',
  'devices.materials': 'Offline materials',
  'devices.kind.desktop': 'Desktop app',
  'devices.kind.browser': 'Browser',
  'devices.version': 'version {version}',
  'devices.online': 'Online',
  'devices.offline': 'Offline',
  'devices.outboxWaiting':
    '{count, plural, =0 {Nothing waiting} one {# waiting} other {# waiting}}',
  'devices.outboxNone': '–',
  'devices.noDevice': 'Not connected since the board started keeping track',
  'devices.allPresent': 'All {count}',
  'devices.somePresent': '{present} of {count} — missing: {missing}',
  'devices.noMaterials': 'The course has no materials yet',
  'devices.notReported': 'Not reported yet',
  'devices.noLibrary': 'No offline library in a browser',
  'devices.emptyTitle': 'No students yet',
  'devices.emptyText': 'Students appear here once they enrol; their devices once they connect.',
} as const;
