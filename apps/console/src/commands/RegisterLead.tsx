import { useState } from 'react';
import { App, Button, Drawer } from 'antd';
import { useNavigate } from 'react-router';
import type { CaseView } from '../api';
import { SameActWarning } from '../components/SameActWarning';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useAfterCommand } from './CommandDrawer';
import { CommandForm } from './CommandForm';
import { useCommandMessages } from './messages';

/**
 * 案源登记: the register form (POST /cases) in a drawer; the new case opens
 * once registered, unless the API warns of other cases against the same party
 * for the same violation (APL 29): then the drawer shows them first.
 */
export function RegisterLead() {
  const [open, setOpen] = useState(false);
  const [warned, setWarned] = useState<CaseView | null>(null);
  const { session } = useSession();
  const { t } = useI18n();
  const m = useCommandMessages();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const after = useAfterCommand();
  const close = () => {
    setOpen(false);
    setWarned(null);
  };
  const openCase = (created: CaseView) => {
    close();
    void navigate(`/cases/${created.id}`);
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="register-lead" style={{ marginBottom: 16 }}>
        {m.registerLead}
      </Button>
      <Drawer open={open} onClose={close} title={m.registerLead} closable={{ 'aria-label': t.close }} size={560} destroyOnHidden>
        {warned ? (
          <>
            <p role="status">{m.registered(warned.caseNumber)}</p>
            <SameActWarning cases={warned.sameActCases} testId="register-same-act-warning" />
            <Button type="primary" onClick={() => openCase(warned)} data-testid="open-registered-case">
              {m.openCase}
            </Button>
          </>
        ) : (
          <CommandForm
            action="register"
            initial={{ officerIds: session ? [session.userId] : [] }}
            onDone={(result) => {
              const created = result as CaseView;
              void after(created.id);
              void message.success(m.registered(created.caseNumber));
              if (created.sameActCases && created.sameActCases.length > 0) setWarned(created);
              else openCase(created);
            }}
          />
        )}
      </Drawer>
    </>
  );
}
