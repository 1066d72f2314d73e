import { COURSE_DELETION_REPOSITORIES, CourseDeletion } from './domains/courses/course-deletion';
import { AuthService, AUTH_REPOSITORIES } from './domains/accounts/auth-service';
import {
  ANNOUNCEMENT_REPOSITORIES,
  AnnouncementService,
} from './domains/announcements/announcement-service';
import { announcementRoutes } from './domains/announcements/routes';
import {
  PRIVATE_COMMENT_REPOSITORIES,
  PrivateCommentService,
} from './domains/private-comments/private-comment-service';
import { privateCommentRoutes } from './domains/private-comments/routes';
import { DownloadLinks } from './domains/accounts/download-links';
import { ProfileLinks, PROFILE_LINK_REPOSITORIES } from './domains/accounts/profile-links';
import { ProfileService, PROFILE_REPOSITORIES } from './domains/accounts/profile-service';
import {
  RegistrationService,
  REGISTRATION_REPOSITORIES,
} from './domains/accounts/registration-service';
import { accountRoutes } from './domains/accounts/routes';
import {
  AdminCourseRecords,
  ADMIN_COURSE_RECORD_REPOSITORIES,
} from './domains/admin/course-records';
import { adminRecordRoutes } from './domains/admin/record-routes';
import { adminRoutes } from './domains/admin/routes';
import {
  AdminSessionRecords,
  ADMIN_SESSION_RECORD_REPOSITORIES,
} from './domains/admin/session-records';
import { AdminService, ADMIN_REPOSITORIES } from './domains/admin/service';
import { BackupService, BACKUP_REPOSITORIES } from './domains/backups/backup-service';
import { backupRoutes } from './domains/backups/routes';
import { fileRoutes } from './domains/files/routes';
import { ChatFiles, CHAT_FILE_REPOSITORIES } from './domains/chat/chat-files';
import { AccessService } from './domains/access/access-service';
import { ACCESS_REPOSITORIES } from './domains/access/ports';
import { withRepositories } from './domains/deps';
import {
  ADMIN_ACCOUNT_RECORD_REPOSITORIES,
  AdminAccountRecords,
} from './domains/admin/account-records';
import { CHAT_REPOSITORIES, ChatService } from './domains/chat/chat-service';
import { CHAT_ROOM_REPOSITORIES, ChatRooms } from './domains/chat/chat-rooms';
import { Presence } from './domains/chat/presence';
import { COURSE_REPOSITORIES, CourseService } from './domains/courses/course-service';
import { ENROLMENT_REPOSITORIES, EnrolmentService } from './domains/courses/enrolment-service';
import { CourseContentService, CONTENT_REPOSITORIES } from './domains/courses/content-service';
import { CalendarService } from './domains/calendar/calendar-service';
import { calendarRoutes } from './domains/calendar/routes';
import { dashboardRoutes } from './domains/courses/dashboard-routes';
import { DashboardService, DASHBOARD_REPOSITORIES } from './domains/courses/dashboard-service';
import { FeedbackService, FEEDBACK_REPOSITORIES } from './domains/courses/feedback-service';
import { courseContentRoutes, courseRoutes } from './domains/courses/routes';
import { VisitorCatalogue } from './domains/courses/visitor-catalogue';
import { submissionRoutes } from './domains/courses/submission-routes';
import {
  SubmissionExports,
  SUBMISSION_EXPORT_REPOSITORIES,
} from './domains/courses/submission-exports';
import { SubmissionService, SUBMISSION_REPOSITORIES } from './domains/courses/submission-service';
import { gradebookRoutes } from './domains/courses/gradebook-routes';
import { GRADEBOOK_REPOSITORIES, GradebookService } from './domains/courses/gradebook-service';
import { chatRoutes } from './domains/chat/routes';
import { chatControlRoutes } from './domains/chat/chat-control-routes';
import { CHAT_CONTROL_REPOSITORIES, ChatControlsService } from './domains/chat/chat-controls';
import { HandService, HAND_REPOSITORIES } from './domains/class-tools/hands/hand-service';
import { handRoutes } from './domains/class-tools/hands/routes';
import {
  QuestionService,
  QUESTION_REPOSITORIES,
} from './domains/class-tools/questions/question-service';
import { questionRoutes } from './domains/class-tools/questions/routes';
import { healthRoutes } from './domains/health/routes';
import {
  NotificationService,
  NOTIFICATION_REPOSITORIES,
} from './domains/notifications/notification-service';
import { PostService, POST_REPOSITORIES } from './domains/sessions/post-service';
import { sessionRoutes } from './domains/sessions/routes';
import { LIVE_VIEW_REPOSITORIES, SessionLiveViews } from './domains/sessions/live-views';
import { SESSION_REPOSITORIES, SessionService } from './domains/sessions/session-service';
import {
  MEMBERSHIP_REPOSITORIES,
  SessionMembershipService,
} from './domains/sessions/membership-service';
import type { Handlers } from './domains/handlers';
import { DEVICE_REPOSITORIES, DeviceService } from './domains/devices/device-service';
import { SocketWriteLimits } from './domains/limits/socket-write-limits';
import { deviceRoutes } from './domains/devices/routes';
import { wireClassTools } from './domains/class-tools/wire';
import type { AccountsDeps } from './domains/accounts/deps';

/** Where the hub answers, filled in once it listens (the health route and emails use it). */
export interface HubAddresses {
  url: string;
  lanUrls: string[];
}

/**
 * Builds every domain service with exactly the repositories it names, and the
 * route table over them. One line per domain: adding a domain is adding its
 * routes here (src-server/domains/README.md).
 */
/** Keys every hub node must share (read from storage.coordination at start). */
export interface HubSecrets {
  readonly downloadLinkKey: Buffer;
}

export function wireDomains(deps: AccountsDeps, addresses: HubAddresses, secrets: HubSecrets) {
  const auth = new AuthService(withRepositories(deps, ...AUTH_REPOSITORIES));
  const downloadLinks = new DownloadLinks(deps.now, secrets.downloadLinkKey);
  const registration = new RegistrationService(
    withRepositories(deps, ...REGISTRATION_REPOSITORIES),
    auth,
  );
  const profiles = new ProfileService(withRepositories(deps, ...PROFILE_REPOSITORIES));
  const sessions = new SessionService(withRepositories(deps, ...SESSION_REPOSITORIES));
  const memberships = new SessionMembershipService(
    withRepositories(deps, ...MEMBERSHIP_REPOSITORIES),
  );
  const posts = new PostService(withRepositories(deps, ...POST_REPOSITORIES), sessions);
  const courses = new CourseService(withRepositories(deps, ...COURSE_REPOSITORIES));
  const enrolments = new EnrolmentService(withRepositories(deps, ...ENROLMENT_REPOSITORIES));
  const courseDeletion = new CourseDeletion(
    withRepositories(deps, ...COURSE_DELETION_REPOSITORIES),
  );
  const presence = new Presence();
  const chatControls = new ChatControlsService(
    withRepositories(deps, ...CHAT_CONTROL_REPOSITORIES),
  );
  const chat = new ChatService(withRepositories(deps, ...CHAT_REPOSITORIES), chatControls);
  const chatRooms = new ChatRooms(
    withRepositories(deps, ...CHAT_ROOM_REPOSITORIES),
    chat,
    presence,
  );
  const feedback = new FeedbackService(withRepositories(deps, ...FEEDBACK_REPOSITORIES));
  const notifications = new NotificationService(
    withRepositories(deps, ...NOTIFICATION_REPOSITORIES),
  );
  notifications.subscribe(deps.bus);
  const devices = new DeviceService(withRepositories(deps, ...DEVICE_REPOSITORIES));
  devices.subscribe(deps.bus);
  const backups = new BackupService(withRepositories(deps, ...BACKUP_REPOSITORIES));
  const classTools = wireClassTools(deps, (actor, token, address) =>
    memberships.join(actor, token, address),
  );
  const hands = new HandService(withRepositories(deps, ...HAND_REPOSITORIES));
  hands.follow(deps.bus);
  const handlers: Handlers = {
    ...healthRoutes(addresses),
    ...accountRoutes(deps, {
      auth,
      registration,
      profiles,
      links: new ProfileLinks(withRepositories(deps, ...PROFILE_LINK_REPOSITORIES), profiles),
    }),
    ...adminRoutes(
      new AdminService(withRepositories(deps, ...ADMIN_REPOSITORIES), auth, registration),
    ),
    ...adminRecordRoutes(
      new AdminCourseRecords(withRepositories(deps, ...ADMIN_COURSE_RECORD_REPOSITORIES)),
      new AdminSessionRecords(withRepositories(deps, ...ADMIN_SESSION_RECORD_REPOSITORIES)),
      new AdminAccountRecords(withRepositories(deps, ...ADMIN_ACCOUNT_RECORD_REPOSITORIES)),
      feedback,
    ),
    ...backupRoutes(backups),
    ...fileRoutes(deps, downloadLinks),
    ...sessionRoutes(sessions, memberships, posts),
    ...chatRoutes(
      chat,
      chatRooms,
      notifications,
      new ChatFiles(withRepositories(deps, ...CHAT_FILE_REPOSITORIES)),
    ),
    ...courseRoutes(courses, enrolments, new VisitorCatalogue(deps.storage), courseDeletion),
    ...courseContentRoutes(
      new CourseContentService(withRepositories(deps, ...CONTENT_REPOSITORIES)),
    ),
    ...submissionRoutes(
      new SubmissionService(withRepositories(deps, ...SUBMISSION_REPOSITORIES)),
      new SubmissionExports(withRepositories(deps, ...SUBMISSION_EXPORT_REPOSITORIES)),
      feedback,
    ),
    ...dashboardRoutes(new DashboardService(withRepositories(deps, ...DASHBOARD_REPOSITORIES))),
    ...calendarRoutes(new CalendarService(deps.storage), deps.now),
    ...announcementRoutes(
      new AnnouncementService(withRepositories(deps, ...ANNOUNCEMENT_REPOSITORIES)),
    ),
    ...privateCommentRoutes(
      new PrivateCommentService(withRepositories(deps, ...PRIVATE_COMMENT_REPOSITORIES)),
    ),
    ...gradebookRoutes(new GradebookService(withRepositories(deps, ...GRADEBOOK_REPOSITORIES))),
    ...deviceRoutes(devices),
    ...handRoutes(hands),
    ...questionRoutes(new QuestionService(withRepositories(deps, ...QUESTION_REPOSITORIES))),
    ...chatControlRoutes(chatControls),
    ...classTools.handlers,
  };
  return {
    handlers,
    auth,
    downloadLinks,
    notifications,
    backups,
    courseDeletion,
    /** What real-time delivery asks: access, the chat, presence and the session views. */
    live: {
      auth,
      access: new AccessService(withRepositories(deps, ...ACCESS_REPOSITORIES).storage),
      chat,
      chatRooms,
      presence,
      notifications,
      sessionViews: new SessionLiveViews(withRepositories(deps, ...LIVE_VIEW_REPOSITORIES)),
      devices,
      classTools: classTools.live,
      writeLimits: new SocketWriteLimits(deps.storage.coordination),
    },
  };
}
