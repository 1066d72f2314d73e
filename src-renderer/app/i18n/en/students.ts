/** The teacher's Students page and the faculty hub tiles built on the teaching dashboard. */
export const students = {
  'nav.students': 'Students',
  'students.title': 'Students',
  'students.lead': 'Everyone enrolled in your courses, each person once. Block, unblock or remove.',
  'students.course': 'Course',
  'students.allCourses': 'All courses',
  'students.search': 'Search by name',
  'students.searchPlaceholder': 'First name, last name or username',
  'students.status': 'Status',
  'students.anyStatus': 'Any status',
  'students.empty': 'No students found',
  'students.emptyText':
    'Nobody matches these filters. Students appear here once they enrol in one of your courses.',
  'students.total': '{count, plural, one {# student} other {# students}}',
  'students.block': 'Block',
  'students.blockIn': 'Block {name} in {course}',
  'students.blockConfirm':
    'Block {name} in {course}? They keep their record but cannot open the course until you unblock them.',
  'students.unblock': 'Unblock',
  'students.unblockIn': 'Unblock {name} in {course}',
  'students.remove': 'Remove',
  'students.removeFrom': 'Remove {name} from {course}',
  'students.removeConfirm':
    'Remove {name} from {course}? Their enrolment is deleted; they may enrol again if there is room.',
  'students.enrolments': 'Courses of {name}',
  'students.page.first': 'First page',
  'students.page.last': 'Last page',
  'students.page.next': 'Next page',
  'students.page.previous': 'Previous page',
  'teaching.full': 'Full',
  'teaching.activeStudentsText':
    '{count, plural, one {student active} other {students active}} across your courses, each counted once',
  'teaching.manageStudents': 'Manage students',
  'teaching.late': 'late',
  'teaching.version': 'version {version}',
} as const;
