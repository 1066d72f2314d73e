import type { HandlersFor } from '../handlers';
import type { CourseContentService } from './content-service';
import type { CourseDeletion } from './course-deletion';
import type { CourseService } from './course-service';
import type { EnrolmentService } from './enrolment-service';
import type { VisitorCatalogue } from './visitor-catalogue';

type CourseRouteName =
  | 'courses'
  | 'createCourse'
  | 'courseCodeAvailability'
  | 'visitorCatalogue'
  | 'joinCourse'
  | 'course'
  | 'updateCourse'
  | 'courseDeletionPreview'
  | 'deleteCourse'
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
  enrolments: EnrolmentService,
  visitors: VisitorCatalogue,
  deletion: CourseDeletion,
): HandlersFor<CourseRouteName> {
  return {
    visitorCatalogue: ({ query }) => visitors.list(query),
    courses: ({ auth, query }) => courses.catalogue(auth.user, query),
    createCourse: ({ auth, body }) => courses.create(auth.user, body),
    courseCodeAvailability: ({ auth, params }) => courses.codeAvailability(auth.user, params.code),
    joinCourse: ({ auth, body }) => enrolments.joinByCode(auth.user, body.code),
    course: ({ auth, params }) => courses.get(auth.user, params.courseId),
    updateCourse: ({ auth, params, body }) => courses.update(auth.user, params.courseId, body),
    courseDeletionPreview: ({ auth, params }) => deletion.preview(auth.user, params.courseId),
    deleteCourse: ({ auth, params }) => deletion.delete(auth.user, params.courseId),
    regenerateJoinCode: ({ auth, params }) =>
      courses.regenerateJoinCode(auth.user, params.courseId),
    enrol: ({ auth, params }) => enrolments.enrol(auth.user, params.courseId),
    dropCourse: ({ auth, params }) => enrolments.drop(auth.user, params.courseId),
    courseEnrolments: ({ auth, params, query }) =>
      enrolments.enrolments(auth.user, params.courseId, query),
    setEnrolmentStatus: ({ auth, params, body }) =>
      enrolments.setStatus(auth.user, params.courseId, params.userId, body.status),
    removeEnrolment: ({ auth, params }) =>
      enrolments.remove(auth.user, params.courseId, params.userId),
    myStudents: ({ auth, query }) => enrolments.myStudents(auth.user, query),
  };
}
