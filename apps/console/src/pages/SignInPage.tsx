import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import { anonymousClient, ApiError, ok, type DevTokenView } from '../api';
import { useI18n } from '../i18n';
import { roleLabel } from '../labels';
import { sessionFromDevUser, sessionFromToken, useSession, type Session } from '../session';
import { usePublicMessages } from '../public/messages';

type Role = DevTokenView['roles'][number];

export default function SignInPage() {
  const { t, lang, toggle } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/work';
  const devUsers = useQuery({
    queryKey: ['dev-tokens'],
    // Only development serves this list; in production it is a 404 and the screen offers the token field alone.
    queryFn: () => ok(anonymousClient().GET('/api/v1/dev/tokens')),
    retry: false,
    staleTime: 60_000,
  });
  const enter = (s: Session) => {
    signIn(s);
    void navigate(from, { replace: true });
  };
  const [form] = Form.useForm<{ token: string }>();
  const publicPages = usePublicMessages();

  return (
    <main className="zf-signin">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t.signInTitle}
          </Typography.Title>
          <Space>
            {/* 行政执法公示 needs no sign-in. */}
            <Link to="/public">{publicPages.title}</Link>
            <Button onClick={toggle} aria-label={t.switchLangLabel} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
              {t.switchLang}
            </Button>
          </Space>
        </Space>

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.devUsers}</h2>}>
          {devUsers.isPending && <Spin />}
          {devUsers.isError && <Typography.Paragraph>{t.devUsersUnavailable}</Typography.Paragraph>}
          {devUsers.data && (
            <>
              <Typography.Paragraph>{t.devUsersHelp}</Typography.Paragraph>
              <ul aria-label={t.devUsers} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                {devUsers.data.map((u) => (
                  <li key={u.userId}>
                    <Button className="zf-user-button" data-username={u.username} onClick={() => enter(sessionFromDevUser(u))}>
                      <span style={{ fontWeight: 600 }}>{u.name}</span>
                      <span>
                        {u.roles.map((r) => (
                          <Tag key={r} style={{ marginLeft: 6, marginRight: 0 }}>
                            {roleLabel(r as Role, lang)}
                          </Tag>
                        ))}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.tokenTitle}</h2>}>
          <Alert type="info" showIcon title={t.tokenHelp} style={{ marginBottom: 16 }} />
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={({ token }) => {
              const s = sessionFromToken(token);
              if (s) enter(s);
              else form.setFields([{ name: 'token', errors: [t.tokenInvalid] }]);
            }}
          >
            <Form.Item name="token" label={t.tokenLabel} rules={[{ required: true, whitespace: true, message: t.tokenRequired }]}>
              <Input.TextArea rows={3} autoComplete="off" spellCheck={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t.signIn}
            </Button>
          </Form>
        </Card>
        {devUsers.error instanceof ApiError && devUsers.error.status >= 500 && <Alert type="error" title={devUsers.error.message} />}
      </Space>
    </main>
  );
}
