import { useRef, type ComponentType } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Drawer, Typography } from 'antd';
import type { CommandFormAction } from '@zhifa/api-client';
import type { CaseView } from '../api';
import { useI18n } from '../i18n';
import { actionLabel, type Action } from '../labels';
import { ConfirmEvidenceForm, RecordEvidenceForm, TransferCustodyForm } from '../components/evidence';
import { LegalReviewForm } from '../reviews/LegalReviewForm';
import { CommandForm, type CommandResult } from './CommandForm';
import { useCommandMessages } from './messages';

/** A form of its own for an action the generic form cannot serve (a file upload, a review page). */
export type OwnForm = ComponentType<{ caseView: CaseView; onDone(): void }>;

/** Actions with forms of their own, filled in by the areas that own them. */
export const OWN_FORMS: Partial<Record<Action, OwnForm>> = {
  'legal-review': LegalReviewForm,
  // With a file, uploaded with its progress shown (multipart), or text.
  evidence: RecordEvidenceForm,
  'evidence-custody': TransferCustodyForm,
  'evidence-confirmation': ConfirmEvidenceForm,
};

/** After a command: everything the case, the lists and the work queues show may have changed. */
export function useAfterCommand() {
  const queries = useQueryClient();
  return async (caseId?: string) => {
    await Promise.all([
      caseId ? queries.invalidateQueries({ queryKey: ['case', caseId] }) : Promise.resolve(),
      queries.invalidateQueries({ queryKey: ['cases'] }),
      queries.invalidateQueries({ queryKey: ['me', 'tasks'] }),
    ]);
  };
}

/**
 * The drawer an action button opens: the command's form, sent to the API on
 * submit; on success the drawer closes and the case is read again.
 */
export function CommandDrawer({ action, caseView, onClose }: { action: Action | null; caseView: CaseView; onClose(): void }) {
  const { t, lang } = useI18n();
  const m = useCommandMessages();
  const { message } = App.useApp();
  const after = useAfterCommand();
  const Own = action ? OWN_FORMS[action] : undefined;
  // While it closes (an animation) the drawer keeps the name of the action it showed: a dialog always has a name.
  const last = useRef<Action | null>(action);
  if (action) last.current = action;
  const done = (result?: CommandResult) => {
    void after(caseView.id);
    void message.success(m.done(actionLabel(action!, lang)));
    onClose();
    return result;
  };
  return (
    <Drawer
      open={action !== null}
      onClose={onClose}
      title={last.current ? actionLabel(last.current, lang) : ''}
      closable={{ 'aria-label': t.close }}
      size={560}
      destroyOnHidden
    >
      {action && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            <code>POST /api/v1/cases/{'{id}'}/{action}</code>
          </Typography.Paragraph>
          {Own ? <Own caseView={caseView} onDone={() => done()} /> : <CommandForm key={action} action={action as CommandFormAction} caseView={caseView} onDone={done} />}
        </>
      )}
    </Drawer>
  );
}
