export { PendingAccountsCard } from './PendingAccountsCard';
