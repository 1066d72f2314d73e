/**
 * Stored shapes. They are the hub's business: API views are built from them,
 * never sent as they are. Each domain's shapes live in record-types/<domain>.ts;
 * this module gathers them so storage and services import one name.
 */
export type * from './record-types/accounts';
export type * from './record-types/files';
export type * from './record-types/sessions';
export type * from './record-types/chat';
export type * from './record-types/notifications';
export type * from './record-types/courses';
export type * from './record-types/devices';
export type * from './record-types/class-tools';
