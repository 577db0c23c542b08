// The routes. Every page but sign-in sits behind RequireSession; pages tied to an ability show a
// "no access" page without it (the server refuses the data anyway).
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from './hooks/use-session.js';
import { Layout } from './components/layout.js';
import { RequireAbility, RequireSession, RequireWork } from './components/guards.js';
import { WorkCountsProvider } from './hooks/use-work-counts.js';
import { LoginPage } from './routes/login-page.js';
import { MfaEnrolPage } from './routes/mfa-enrol-page.js';
import { SsoCallbackPage } from './routes/sso-callback-page.js';
import { SecurityPage } from './routes/security-page.js';
import { HomePage } from './routes/home-page.js';
import { CaseListPage } from './routes/case-list-page.js';
import { CaseNewPage } from './routes/case-new-page.js';
import { CasePage } from './routes/case-page.js';
import { AuditPage } from './routes/audit-page.js';
import { AdminPage } from './routes/admin-page.js';
import { NotFoundPage } from './routes/not-found-page.js';
import { InboxPage } from './routes/inbox-page.js';
import { TasksPage } from './routes/tasks-page.js';
import { GroupsPage } from './routes/groups-page.js';
import { GroupPage } from './routes/group-page.js';
import { NotificationNewPage } from './routes/notification-new-page.js';
import { PersonsReviewPage } from './routes/persons-review-page.js';
import { PersonPairPage } from './routes/person-pair-page.js';
import { StatisticsLayout } from './routes/statistics-layout.js';
import { StatisticsPage } from './routes/statistics-page.js';
import { StatisticsTablesPage } from './routes/statistics-tables-page.js';
import { StatisticsImportPage } from './routes/statistics-import-page.js';
import { StatisticsReportPage } from './routes/statistics-report-page.js';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <WorkCountsProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/login/enrol" element={<MfaEnrolPage />} />
              <Route path="/login/sso" element={<SsoCallbackPage />} />
              <Route element={<RequireSession />}>
                <Route index element={<HomePage />} />
                <Route path="/security" element={<SecurityPage />} />
                <Route
                  path="/cases"
                  element={
                    <RequireAbility abilities={['listCases']}>
                      <CaseListPage />
                    </RequireAbility>
                  }
                />
                <Route
                  path="/cases/new"
                  element={
                    <RequireAbility abilities={['createReferral']}>
                      <CaseNewPage />
                    </RequireAbility>
                  }
                />
                <Route path="/cases/:id" element={<CasePage />} />
                <Route
                  path="/inbox"
                  element={
                    <RequireWork work="inbox">
                      <InboxPage />
                    </RequireWork>
                  }
                />
                <Route
                  path="/tasks"
                  element={
                    <RequireWork work="tasks">
                      <TasksPage />
                    </RequireWork>
                  }
                />
                <Route
                  path="/groups"
                  element={
                    <RequireWork work="groups">
                      <GroupsPage />
                    </RequireWork>
                  }
                />
                <Route
                  path="/groups/:id"
                  element={
                    <RequireWork work="groups">
                      <GroupPage />
                    </RequireWork>
                  }
                />
                <Route
                  path="/notifications/new"
                  element={
                    <RequireWork work="notifyAnonymously">
                      <NotificationNewPage />
                    </RequireWork>
                  }
                />
                <Route
                  path="/persons/review"
                  element={
                    <RequireWork work="reviewPersons">
                      <PersonsReviewPage />
                    </RequireWork>
                  }
                />
                <Route
                  path="/persons/review/:id"
                  element={
                    <RequireWork work="reviewPersons">
                      <PersonPairPage />
                    </RequireWork>
                  }
                />
                <Route
                  path="/audit"
                  element={
                    <RequireAbility abilities={['viewAudit']}>
                      <AuditPage />
                    </RequireAbility>
                  }
                />
                <Route
                  path="/admin"
                  element={
                    <RequireAbility abilities={['manageOrganisations', 'manageUsers']}>
                      <AdminPage />
                    </RequireAbility>
                  }
                />
                <Route
                  path="/statistics"
                  element={
                    <RequireAbility abilities={['viewStatistics']}>
                      <StatisticsLayout />
                    </RequireAbility>
                  }
                >
                  <Route index element={<StatisticsPage />} />
                  <Route path="tables" element={<StatisticsTablesPage />} />
                  <Route path="import" element={<StatisticsImportPage />} />
                  <Route path="report" element={<StatisticsReportPage />} />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </WorkCountsProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}
