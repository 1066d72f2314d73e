export { DeviceBoardPanel } from './DeviceBoardPanel';
