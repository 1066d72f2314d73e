export { PeopleSearchPage } from './PeopleSearchPage';
