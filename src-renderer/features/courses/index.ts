export { courseStore } from './course-store';
export { CataloguePage } from './CataloguePage';
export { CoursePage } from './CoursePage';
export { VisitorCataloguePage } from './VisitorCataloguePage';
export { MyCoursesCard, UpcomingDeadlinesCard } from './components/HomeCourseCards';
