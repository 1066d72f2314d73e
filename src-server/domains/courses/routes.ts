import type { HandlersFor } from '../handlers';
import type { CourseContentService } from './content-service';
import type { CourseService } from './course-service';
import type { VisitorCatalogue } from './visitor-catalogue';

type CourseRouteName =
  | 'courses'
  | 'createCourse'
  | 'courseCodeAvailability'
  | 'visitorCatalogue'
  | 'joinCourse'
  | 'course'
  | 'updateCourse'
  | 'regenerateJoinCode'
  | 'enrol'
  | 'dropCourse'
  | 'courseEnrolments'
  | 'setEnrolmentStatus'
  | 'removeEnrolment'
  | 'myStudents';

type ContentRouteName =
  | 'materials'
  | 'addMaterial'
  | 'renameMaterial'
  | 'deleteMaterial'
  | 'downloadMaterial'
  | 'deadlines'
  | 'createDeadline'
  | 'updateDeadline'
  | 'deleteDeadline';

export function courseContentRoutes(content: CourseContentService): HandlersFor<ContentRouteName> {
  return {
    materials: ({ auth, params, query }) => content.materials(auth.user, params.courseId, query),
    addMaterial: ({ auth, params, body }) =>
      content.addMaterial(auth.user, params.courseId, body.fileId, body.title),
    renameMaterial: ({ auth, params, body }) =>
      content.renameMaterial(auth.user, params.materialId, body.title),
    deleteMaterial: ({ auth, params }) => content.deleteMaterial(auth.user, params.materialId),
    downloadMaterial: ({ auth, params }) => content.download(auth.user, params.materialId),
    deadlines: ({ auth, params, query }) => content.deadlines(auth.user, params.courseId, query),
    createDeadline: ({ auth, params, body }) =>
      content.createDeadline(auth.user, params.courseId, body),
    updateDeadline: ({ auth, params, body }) =>
      content.updateDeadline(auth.user, params.deadlineId, body),
    deleteDeadline: ({ auth, params }) => content.deleteDeadline(auth.user, params.deadlineId),
  };
}

export function courseRoutes(
  courses: CourseService,
  visitors: VisitorCatalogue,
): HandlersFor<CourseRouteName> {
  return {
    visitorCatalogue: ({ query }) => visitors.list(query),
    courses: ({ auth, query }) => courses.catalogue(auth.user, query),
    createCourse: ({ auth, body }) => courses.create(auth.user, body),
    courseCodeAvailability: ({ auth, params }) => courses.codeAvailability(auth.user, params.code),
    joinCourse: ({ auth, body }) => courses.joinByCode(auth.user, body.code),
    course: ({ auth, params }) => courses.get(auth.user, params.courseId),
    updateCourse: ({ auth, params, body }) => courses.update(auth.user, params.courseId, body),
    regenerateJoinCode: ({ auth, params }) =>
      courses.regenerateJoinCode(auth.user, params.courseId),
    enrol: ({ auth, params }) => courses.enrol(auth.user, params.courseId),
    dropCourse: ({ auth, params }) => courses.drop(auth.user, params.courseId),
    courseEnrolments: ({ auth, params, query }) =>
      courses.enrolments(auth.user, params.courseId, query),
    setEnrolmentStatus: ({ auth, params, body }) =>
      courses.setStatus(auth.user, params.courseId, params.userId, body.status),
    removeEnrolment: ({ auth, params }) =>
      courses.remove(auth.user, params.courseId, params.userId),
    myStudents: ({ auth, query }) => courses.myStudents(auth.user, query),
  };
}
