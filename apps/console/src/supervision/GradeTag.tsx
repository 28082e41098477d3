import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useEvaluationMessages } from './evaluation-messages';

/** antd's green text is too light on its tag (WCAG AA): a darker green on the same ground. */
export const GOOD_TAG: CSSProperties = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };

/** A check's result or a file's grade: good in dark green, bad in red, the rest plain. */
export function toneProps(tone: 'good' | 'bad' | 'plain'): { color?: string; style?: CSSProperties } {
  return tone === 'good' ? { style: GOOD_TAG } : tone === 'bad' ? { color: 'red' } : {};
}

/** A case file's grade (优秀 / 合格 / 不合格) as a tag. */
export function GradeTag({ grade }: { grade: string }) {
  const m = useEvaluationMessages();
  return (
    <Tag {...toneProps(grade === 'EXCELLENT' ? 'good' : grade === 'FAIL' ? 'bad' : 'plain')} data-grade={grade}>
      {m.grades[grade] ?? grade}
    </Tag>
  );
}
