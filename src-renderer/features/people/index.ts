export { PeopleSearchPage } from './PeopleSearchPage';
export { PeopleSearchCard } from './PeopleSearchCard';
