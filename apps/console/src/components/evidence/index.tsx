// The evidence area, loaded on first use: the case page and the command
// drawer import these wrappers; the forms and table come in their own bundle.
import { lazy, Suspense } from 'react';
import { Card, Spin } from 'antd';
import type { EvidenceSectionProps } from './EvidenceSection';
import type { RecordEvidenceFormProps } from './RecordEvidenceForm';
import type { TransferCustodyFormProps } from './TransferCustodyForm';
import type { ConfirmEvidenceFormProps } from './ConfirmEvidenceForm';

const Section = lazy(() => import('./EvidenceSection'));
const Record = lazy(() => import('./RecordEvidenceForm'));
const Transfer = lazy(() => import('./TransferCustodyForm'));
const Confirm = lazy(() => import('./ConfirmEvidenceForm'));

/** The Evidence section of the case page. */
export function EvidenceSection(props: EvidenceSectionProps) {
  return (
    <Suspense fallback={<Card loading aria-busy="true" style={{ marginTop: 24 }} />}>
      <Section {...props} />
    </Suspense>
  );
}

/** 调查取证 (action 'evidence'): for a drawer. */
export function RecordEvidenceForm(props: RecordEvidenceFormProps) {
  return (
    <Suspense fallback={<Spin />}>
      <Record {...props} />
    </Suspense>
  );
}

/** 证据流转 (action 'evidence-custody'): for a drawer; without evidenceId the user chooses the item. */
export function TransferCustodyForm(props: TransferCustodyFormProps) {
  return (
    <Suspense fallback={<Spin />}>
      <Transfer {...props} />
    </Suspense>
  );
}

/** 确认证据草稿 (action 'evidence-confirmation'): for a drawer. */
export function ConfirmEvidenceForm(props: ConfirmEvidenceFormProps) {
  return (
    <Suspense fallback={<Spin />}>
      <Confirm {...props} />
    </Suspense>
  );
}
