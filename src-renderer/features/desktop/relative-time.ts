/** Moved to ui/ (the device board uses it too); kept so the desktop's imports stay as they are. */
export { timeAgo } from '../../ui/relative-time';
