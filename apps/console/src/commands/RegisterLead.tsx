import { useState } from 'react';
import { App, Button, Drawer } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useAfterCommand } from './CommandDrawer';
import { CommandForm } from './CommandForm';
import { useCommandMessages } from './messages';

/** 案源登记: the register form (POST /cases) in a drawer; the new case opens once registered. */
export function RegisterLead() {
  const [open, setOpen] = useState(false);
  const { session } = useSession();
  const { t } = useI18n();
  const m = useCommandMessages();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const after = useAfterCommand();
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="register-lead" style={{ marginBottom: 16 }}>
        {m.registerLead}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={m.registerLead} closable={{ 'aria-label': t.close }} size={560} destroyOnHidden>
        <CommandForm
          action="register"
          initial={{ officerIds: session ? [session.userId] : [] }}
          onDone={(result) => {
            const created = result as { id: string; caseNumber: string };
            void after(created.id);
            void message.success(m.registered(created.caseNumber));
            setOpen(false);
            void navigate(`/cases/${created.id}`);
          }}
        />
      </Drawer>
    </>
  );
}
