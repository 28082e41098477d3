export { DATE_OR_INSTANT_PATTERN, DATE_PATTERN, INSTANT_PATTERN, isInstant, isLocalDate, localDate, localMidnight, parseDay } from './instants';
export { FIXED_STATUTORY_DAYS_OFF, fallbackWarning, isWorkingDay } from './holiday-calendar';
export { calendarProblems, type CalendarProblem } from './calendar-validation';
export { addDays, type AddDaysResult } from './working-day-arithmetic';
export { computeDeadline } from './deadline-computation';
export type { ComputedDeadline, DeadlineBasis, PauseInterval } from './deadline-basis';
