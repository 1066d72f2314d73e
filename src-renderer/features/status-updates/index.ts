export { StatusComposer } from './StatusComposer';
export { StatusUpdateList } from './StatusUpdateList';
