import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Shell } from './components/Shell';
import { useI18n } from './i18n';
import { useSession } from './session';

// One bundle per area, loaded when first visited.
const SignInPage = lazy(() => import('./pages/SignInPage'));
const MyWorkPage = lazy(() => import('./pages/MyWorkPage'));
const CasesPage = lazy(() => import('./pages/CasesPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const ReviewQueuePage = lazy(() => import('./reviews/ReviewQueuePage'));
const ReviewPage = lazy(() => import('./reviews/ReviewPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const SupervisionPage = lazy(() => import('./supervision/SupervisionPage'));
const TransfersPage = lazy(() => import('./supervision/TransfersPage'));
const EvaluationsPage = lazy(() => import('./supervision/EvaluationsPage'));
const EvaluationPage = lazy(() => import('./supervision/EvaluationPage'));
const StatisticsPage = lazy(() => import('./supervision/StatisticsPage'));
const PersonalDataPage = lazy(() => import('./supervision/PersonalDataPage'));
const FailedJobsPage = lazy(() => import('./supervision/FailedJobsPage'));
const AuditPage = lazy(() => import('./supervision/AuditPage'));
const IncomingTransfersPage = lazy(() => import('./transfers/IncomingTransfersPage'));
const CalendarsPage = lazy(() => import('./admin/CalendarsPage'));
const BodiesPage = lazy(() => import('./admin/BodiesPage'));
const UsersPage = lazy(() => import('./admin/UsersPage'));
const AgenciesPage = lazy(() => import('./admin/AgenciesPage'));
const AdminLogPage = lazy(() => import('./admin/AdminLogPage'));
const PoliciesPage = lazy(() => import('./admin/PoliciesPage'));
// 行政执法公示: public, no session.
const PublicPage = lazy(() => import('./public/PublicPage'));
const DisclosurePage = lazy(() => import('./public/DisclosurePage'));
const WebhookPage = lazy(() => import('./admin/WebhookPage'));
const NotificationsPage = lazy(() => import('./notifications/NotificationsPage'));

// Text and borders dark enough for WCAG AA contrast on white (antd's defaults for secondary text are lighter).
const theme = {
  token: {
    colorPrimary: '#0b5cad',
    colorLink: '#0b5cad',
    colorInfo: '#0b5cad',
    // antd's red (#ff4d4f) is too light for text on white; field errors must be readable (WCAG AA).
    colorError: '#c0141b',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
  },
};

function RequireSession({ children }: { children: ReactNode }) {
  const { session, signedOut } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={signedOut ? undefined : { from: location.pathname + location.search }} />;
  return <Shell>{children}</Shell>;
}

export function App() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    // No space put between two Chinese characters on buttons: the accessible name stays the word (退出, not 退 出).
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Suspense fallback={<Spin fullscreen />}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/public" element={<PublicPage />} />
            <Route path="/public/disclosures/:id" element={<DisclosurePage />} />
            <Route path="/" element={<Navigate to="/work" replace />} />
            <Route path="/work" element={<RequireSession><MyWorkPage /></RequireSession>} />
            <Route path="/cases" element={<RequireSession><CasesPage /></RequireSession>} />
            <Route path="/cases/:id" element={<RequireSession><CasePage /></RequireSession>} />
            <Route path="/reviews" element={<RequireSession><ReviewQueuePage /></RequireSession>} />
            <Route path="/reviews/:caseId" element={<RequireSession><ReviewPage /></RequireSession>} />
            <Route path="/supervision" element={<RequireSession><SupervisionPage /></RequireSession>} />
            <Route path="/supervision/transfers" element={<RequireSession><TransfersPage /></RequireSession>} />
            <Route path="/supervision/evaluations" element={<RequireSession><EvaluationsPage /></RequireSession>} />
            <Route path="/supervision/evaluations/:caseId" element={<RequireSession><EvaluationPage /></RequireSession>} />
            <Route path="/supervision/statistics" element={<RequireSession><StatisticsPage /></RequireSession>} />
            <Route path="/supervision/personal-data" element={<RequireSession><PersonalDataPage /></RequireSession>} />
            <Route path="/supervision/jobs" element={<RequireSession><FailedJobsPage /></RequireSession>} />
            <Route path="/supervision/audit" element={<RequireSession><AuditPage /></RequireSession>} />
            <Route path="/transfers/incoming" element={<RequireSession><IncomingTransfersPage /></RequireSession>} />
            <Route path="/admin/calendars" element={<RequireSession><CalendarsPage /></RequireSession>} />
            <Route path="/admin/bodies" element={<RequireSession><BodiesPage /></RequireSession>} />
            <Route path="/admin/users" element={<RequireSession><UsersPage /></RequireSession>} />
            <Route path="/admin/policies" element={<RequireSession><PoliciesPage /></RequireSession>} />
            <Route path="/admin/webhook" element={<RequireSession><WebhookPage /></RequireSession>} />
            <Route path="/admin/agencies" element={<RequireSession><AgenciesPage /></RequireSession>} />
            <Route path="/admin/log" element={<RequireSession><AdminLogPage /></RequireSession>} />
            <Route path="/notifications" element={<RequireSession><NotificationsPage /></RequireSession>} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
