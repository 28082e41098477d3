export { DATE_OR_INSTANT_PATTERN, DATE_PATTERN, INSTANT_PATTERN, isInstant, isLocalDate, localDate } from './instants';
export { isWorkingDay } from './holiday-calendar';
export { addDays, type AddDaysResult } from './working-day-arithmetic';
export { computeDeadline } from './deadline-computation';
export type { ComputedDeadline, DeadlineBasis, PauseInterval } from './deadline-basis';
