export { LiveSessionsCard } from './LiveSessionsCard';
export { SessionPage } from './SessionPage';
export { SessionsPage } from './SessionsPage';
export { connectSessionLive } from './session-live';
