export { CourseDownloadButton } from './CourseDownloadButton';
export { HostStatusTile } from './HostStatusTile';
export { SaveOfflineButton } from './SaveOfflineButton';
export { SwitchHubMenuItem } from './SwitchHubMenuItem';
export { keepCourseSnapshots, provideCourseChat } from './course-snapshot';
export { shareCredentialsWithDesktop } from './credentials';
export { desktopHubRoutes, localShellRoutes } from './desktop-routes';
export {
  looksOffline,
  sendChatMessageOrQueue,
  sendPostOrQueue,
  sendSubmissionOrQueue,
} from './outbox';
export { reportDeviceToHub } from './device-report';
