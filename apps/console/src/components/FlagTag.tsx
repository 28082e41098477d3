import { Tag } from 'antd';
import type { CaseView } from '../api';
import { useI18n } from '../i18n';
import { flagLabel } from '../labels';

type Flag = CaseView['flags'][number];

// antd's gold preset text is too light on its background for WCAG AA: a darker gold.
const NOTE = { color: '#7a4a00', background: '#fffbe6', borderColor: '#ffe58f' };

/** A case flag: red when something is overdue, gold otherwise. */
export function FlagTag({ flag }: { flag: Flag }) {
  const { lang } = useI18n();
  const overdue = flag === 'OVERDUE' || flag === 'PAYMENT_OVERDUE';
  return (
    <Tag color={overdue ? 'red' : undefined} style={overdue ? undefined : NOTE} data-flag={flag}>
      {flagLabel(flag, lang)}
    </Tag>
  );
}
