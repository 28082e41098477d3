import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { agencyInstant, agencyWallClock, type WallClock } from './model';

// The picker shows a Dayjs in the browser's zone; only its wall-clock reading
// is used, so the agency's clock is what a person sees and enters.
const toPicker = (w: WallClock): Dayjs => dayjs(new Date(w.year, w.month - 1, w.day, w.hour, w.minute));
const wallOf = (d: Dayjs): WallClock => ({ year: d.year(), month: d.month() + 1, day: d.date(), hour: d.hour(), minute: d.minute() });

/** The agency's wall clock now, as an instant to the minute (a default that is never in the future). */
export function agencyNowToTheMinute(): string {
  return agencyInstant(agencyWallClock(new Date()));
}

interface Props {
  /** An instant (ISO), as the API takes it. */
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-required'?: boolean | 'true' | 'false';
}

/** A date and time on the agency's clock (Asia/Shanghai) whatever the browser's zone; its value is the instant. */
export function AgencyInstantPicker({ value, onChange, ...aria }: Props) {
  return (
    <DatePicker
      {...aria}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: '100%' }}
      value={value ? toPicker(agencyWallClock(new Date(value))) : null}
      disabledDate={(d) => d.isAfter(toPicker(agencyWallClock(new Date())), 'day')}
      onChange={(d: Dayjs | null) => onChange?.(d ? agencyInstant(wallOf(d)) : undefined)}
    />
  );
}
