export { ClassToolsPanel, type ClassToolProps, type ClassToolRole } from './ClassToolsPanel';
