export { ClassToolsPanel, type ClassToolProps, type ClassToolRole } from './ClassToolsPanel';
export { CheckInPage } from './attendance/CheckInPage';
export { CourseAttendancePanel } from './attendance/CourseAttendancePanel';
