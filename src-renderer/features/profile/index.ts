export { OwnProfilePage } from './OwnProfilePage';
export { PersonProfilePage } from './PersonProfilePage';
