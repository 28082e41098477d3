export { SUPERVISION_ROLES, supervisionAccess, type SupervisionAccess } from './access';
export { awaitedFor, deadlinesToWatch, type AwaitedPerson, type WatchedDeadline } from './overdue';
