import { Tag } from 'antd';
import { usePublicMessages } from './messages';

// antd's green preset text is too light on its background for WCAG AA: a darker green.
const GOOD = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };

/** A certificate valid today (green) or not (red). */
export function ValidityTag({ valid }: { valid: boolean }) {
  const m = usePublicMessages();
  return valid ? <Tag style={GOOD}>{m.valid}</Tag> : <Tag color="red">{m.invalid}</Tag>;
}

/** A disclosure published (green) or withdrawn (red: shown, marked). */
export function DisclosureStatus({ status }: { status: string }) {
  const m = usePublicMessages();
  return status === 'WITHDRAWN' ? <Tag color="red">{m.withdrawn}</Tag> : <Tag style={GOOD}>{m.published}</Tag>;
}
