import { Tag } from 'antd';
import { formatDaysLeft } from '../format';
import { useI18n } from '../i18n';

// antd's orange preset text is too light on its background for WCAG AA: a darker orange.
const NEAR = { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' };

/** Days to a deadline as the API counted them (daysLeft, overdue); red when passed, orange within 3 days. */
export function DaysLeftTag({ daysLeft, overdue }: { daysLeft: number; overdue: boolean }) {
  const { lang } = useI18n();
  const near = !overdue && daysLeft <= 3;
  return (
    <Tag color={overdue ? 'red' : undefined} style={near ? NEAR : undefined} data-overdue={overdue} data-days-left={daysLeft}>
      {formatDaysLeft({ days: daysLeft, overdue }, lang)}
    </Tag>
  );
}
