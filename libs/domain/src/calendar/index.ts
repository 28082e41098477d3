export { addDays, computeDeadline, isWorkingDay, localDate } from './working-days';
export type { AddDaysResult, ComputedDeadline, DeadlineBasis, PauseInterval } from './working-days';
