import { Tag } from 'antd';
import { daysLeft, formatDaysLeft } from '../format';
import { useI18n } from '../i18n';

/** Days to a due instant in the agency's calendar; red when passed. */
export function DaysLeftTag({ dueAt }: { dueAt: string }) {
  const { lang } = useI18n();
  const left = daysLeft(dueAt);
  const color = left.overdue ? 'red' : left.days <= 3 ? 'orange' : 'default';
  return (
    <Tag color={color} data-overdue={left.overdue}>
      {formatDaysLeft(left, lang)}
    </Tag>
  );
}
