import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { usePublicMessages } from './messages';

/** The public pages' frame: no session, no navigation of the signed-in console; the language toggle and a way to sign in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t, lang, toggle } = useI18n();
  const m = usePublicMessages();
  return (
    <div className="zf-public">
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '12px 24px', borderBottom: '1px solid #e5e5e5' }}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {m.title}
        </Typography.Text>
        <Space>
          <Link to="/sign-in">{m.signIn}</Link>
          <Button onClick={toggle} aria-label={t.switchLangLabel} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
            {t.switchLang}
          </Button>
        </Space>
      </header>
      <main style={{ maxWidth: 1200, margin: '0 auto', padding: 24 }}>{children}</main>
    </div>
  );
}
