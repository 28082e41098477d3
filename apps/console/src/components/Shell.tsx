import { Suspense, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, NavLink } from 'react-router';
import { Button, Layout, Space, Spin, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';
import { roleLabel } from '../labels';
import { useSession } from '../session';
import { ok, type DevTokenView } from '../api';
import { useReviewMessages } from '../reviews/messages';
import { useSupervisionMessages } from '../supervision/messages';
import { useTransferWatchMessages } from '../supervision/transfer-messages';
import { useEvaluationMessages } from '../supervision/evaluation-messages';
import { useStatisticsMessages } from '../supervision/statistics-messages';
import { usePersonalDataMessages } from '../supervision/personal-data-messages';
import { useFailedJobMessages } from '../supervision/job-messages';
import { useAuditMessages } from '../supervision/audit-messages';
import { useIncomingMessages } from '../transfers/messages';
import { useAdminMessages } from '../admin/messages';
import { useBodyMessages } from '../admin/body-messages';
import { useUserMessages } from '../admin/user-messages';
import { NotificationBell } from '../notifications/NotificationBell';
import { useNotificationMessages } from '../notifications/messages';
import { useWebhookMessages } from '../admin/webhook-messages';
import { useAgencyMessages } from '../admin/agency-messages';
import { useAdminLogMessages } from '../admin/admin-log-messages';
import { usePolicyMessages } from '../admin/policy-messages';

type Role = DevTokenView['roles'][number];

/** The frame of every signed-in page: who is signed in, where to go, the language. */
export function Shell({ children }: { children: ReactNode }) {
  const { session, signOut, api } = useSession();
  const { t, lang, toggle } = useI18n();
  // Who I am as the directory holds it now: name, roles and certificates (a pasted token carries only an id).
  const me = useQuery({ queryKey: ['me', session?.userId], queryFn: () => ok(api.GET('/api/v1/me')), enabled: session !== null });
  const name = me.data?.name ?? session?.name;
  const roles = me.data?.roles ?? session?.roles ?? [];
  const valid = me.data?.certificates.filter((c) => c.validToday) ?? [];
  const reviews = useReviewMessages();
  const supervision = useSupervisionMessages();
  const evaluation = useEvaluationMessages();
  const statistics = useStatisticsMessages();
  const personalData = usePersonalDataMessages();
  const transfers = useTransferWatchMessages();
  const incoming = useIncomingMessages();
  const admin = useAdminMessages();
  const policies = usePolicyMessages();
  const failedJobs = useFailedJobMessages();
  const bodies = useBodyMessages();
  const users = useUserMessages();
  const audit = useAuditMessages();
  const notifications = useNotificationMessages();
  const webhook = useWebhookMessages();
  const agencies = useAgencyMessages();
  const adminLog = useAdminLogMessages();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="zf-header">
        <Link to="/work" className="zf-brand">
          {t.appName}
        </Link>
        <nav aria-label={t.nav} className="zf-nav">
          <NavLink to="/work">{t.myWork}</NavLink>
          <NavLink to="/cases">{t.cases}</NavLink>
          <NavLink to="/notifications">{notifications.nav}</NavLink>
          {roles.includes('LEGAL_REVIEWER') && <NavLink to="/reviews">{reviews.nav}</NavLink>}
          {roles.includes('SUPERVISOR') && (
            <NavLink to="/supervision" end>
              {supervision.nav}
            </NavLink>
          )}
          {roles.includes('SUPERVISOR') && <NavLink to="/supervision/transfers">{transfers.nav}</NavLink>}
          {roles.includes('SUPERVISOR') && <NavLink to="/supervision/evaluations">{evaluation.nav}</NavLink>}
          {roles.includes('SUPERVISOR') && <NavLink to="/supervision/statistics">{statistics.nav}</NavLink>}
          {roles.includes('SUPERVISOR') && <NavLink to="/supervision/personal-data">{personalData.nav}</NavLink>}
          {roles.includes('SUPERVISOR') && <NavLink to="/supervision/jobs">{failedJobs.nav}</NavLink>}
          {roles.includes('SUPERVISOR') && <NavLink to="/supervision/audit">{audit.nav}</NavLink>}
          {(roles.includes('POLICE_LIAISON') || roles.includes('PROCURATORATE')) && <NavLink to="/transfers/incoming">{incoming.nav}</NavLink>}
          {roles.includes('ADMIN') && <NavLink to="/admin/calendars">{admin.nav}</NavLink>}
          {roles.includes('ADMIN') && <NavLink to="/admin/bodies">{bodies.nav}</NavLink>}
          {(roles.includes('ADMIN') || roles.includes('SYSTEM_ADMIN')) && <NavLink to="/admin/users">{users.nav}</NavLink>}
          {roles.includes('ADMIN') && <NavLink to="/admin/webhook">{webhook.nav}</NavLink>}
          {(roles.includes('SYSTEM_ADMIN') || roles.includes('ADMIN')) && <NavLink to="/admin/agencies">{agencies.nav}</NavLink>}
          {(['ADMIN', 'SUPERVISOR', 'SYSTEM_ADMIN'] as const).some((r) => roles.includes(r)) && <NavLink to="/admin/log">{adminLog.nav}</NavLink>}
          {roles.includes('ADMIN') && <NavLink to="/admin/policies">{policies.nav}</NavLink>}
        </nav>
        <Space className="zf-user" size="middle" wrap>
          {session && <NotificationBell />}
          {session && (
            <section aria-label={lang === 'zh' ? '当前用户' : 'Signed in as'} className="zf-whoami">
              <span data-testid="user-name" className="zf-user-name">
                {name}
              </span>{' '}
              <span data-testid="user-roles">
                {roles.map((r) => (
                  <Tag key={r} color="blue" className="zf-role">
                    {roleLabel(r as Role, lang)}
                  </Tag>
                ))}
              </span>
              {me.data && (
                <span className="zf-cert" data-testid="user-certificate">
                  {t.certificate}: {valid.length > 0 ? valid.map((c) => c.number).join('、') : t.certificateNone}
                </span>
              )}
            </section>
          )}
          <Button size="small" onClick={toggle} aria-label={t.switchLangLabel} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
            {t.switchLang}
          </Button>
          <Button size="small" onClick={signOut}>
            {t.signOut}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="zf-content">
        <main>
          <Suspense fallback={<Spin />}>{children}</Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
      {children}
    </Typography.Title>
  );
}
