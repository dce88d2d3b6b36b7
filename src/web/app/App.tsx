import { lazy } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { AppLayout } from "./layouts/AppLayout.tsx";
import { PublicLayout } from "./layouts/PublicLayout.tsx";
import { BareLayout } from "./pages/agenda/BareLayout.tsx";
import { Providers } from "./providers.tsx";

const SignInPage = lazy(() => import("./pages/SignInPage.tsx"));
const SignUpPage = lazy(() => import("./pages/SignUpPage.tsx"));
const ForgotPasswordPage = lazy(() => import("./pages/ForgotPasswordPage.tsx"));
const ResetPasswordPage = lazy(() => import("./pages/ResetPasswordPage.tsx"));
const InvitationPage = lazy(() => import("./pages/InvitationPage.tsx"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage.tsx"));
const HomePage = lazy(() => import("./pages/HomePage.tsx"));
const NewConsortiumPage = lazy(() => import("./pages/NewConsortiumPage.tsx"));
const OutboxPage = lazy(() => import("./pages/OutboxPage.tsx"));
const OverviewPage = lazy(() => import("./pages/OverviewPage.tsx"));
const MembersPage = lazy(() => import("./pages/MembersPage.tsx"));
const PartnersPage = lazy(() => import("./pages/PartnersPage.tsx"));
const PlacesPage = lazy(() => import("./pages/PlacesPage.tsx"));
const NewPlacePage = lazy(() => import("./pages/NewPlacePage.tsx"));
const PlacePage = lazy(() => import("./pages/PlacePage.tsx"));
const PeoplePage = lazy(() => import("./pages/PeoplePage.tsx"));
const PersonPage = lazy(() => import("./pages/PersonPage.tsx"));
const SearchPage = lazy(() => import("./pages/SearchPage.tsx"));
const SettingsPage = lazy(() => import("./pages/SettingsPage.tsx"));
const AgendaHealthPage = lazy(() => import("./pages/agenda-tools/HealthPage.tsx"));
const AgendaBalancePage = lazy(() => import("./pages/agenda-tools/BalancePage.tsx"));
const AgendaFeedsPage = lazy(() => import("./pages/agenda-tools/FeedsPage.tsx"));
const AgendaImportPage = lazy(() => import("./pages/agenda-tools/ImportPage.tsx"));
const AgendaPage = lazy(() => import("./pages/agenda/AgendaPage.tsx"));
const NewEventPage = lazy(() => import("./pages/agenda/NewEventPage.tsx"));
const EventPage = lazy(() => import("./pages/agenda/EventPage.tsx"));
const RotationsPage = lazy(() => import("./pages/rotations/RotationsPage.tsx"));
const NewRotationPage = lazy(() => import("./pages/rotations/NewRotationPage.tsx"));
const RotationPage = lazy(() => import("./pages/rotations/RotationPage.tsx"));
const EditRotationPage = lazy(() => import("./pages/rotations/EditRotationPage.tsx"));
const ResidenciesPage = lazy(() => import("./pages/residencies/ResidenciesPage.tsx"));
const NewResidencyPage = lazy(() => import("./pages/residencies/NewResidencyPage.tsx"));
const ResidencyPage = lazy(() => import("./pages/residencies/ResidencyPage.tsx"));
const EditResidencyPage = lazy(() => import("./pages/residencies/EditResidencyPage.tsx"));
const BodiesPage = lazy(() => import("./pages/governance/BodiesPage.tsx"));
const BodyPage = lazy(() => import("./pages/governance/BodyPage.tsx"));
const CollegesPage = lazy(() => import("./pages/governance/CollegesPage.tsx"));
const PublicResidencyPage = lazy(() => import("./pages/residencies/PublicResidencyPage.tsx"));
const ProposalsPage = lazy(() => import("./pages/governance/ProposalsPage.tsx"));
const NewProposalPage = lazy(() => import("./pages/governance/NewProposalPage.tsx"));
const ProposalPage = lazy(() => import("./pages/governance/ProposalPage.tsx"));
const DecisionsPage = lazy(() => import("./pages/governance/DecisionsPage.tsx"));
const TasksPage = lazy(() => import("./pages/governance/TasksPage.tsx"));
const MyTasksPage = lazy(() => import("./pages/governance/MyTasksPage.tsx"));
const WorkloadPage = lazy(() => import("./pages/governance/WorkloadPage.tsx"));
const ToursPage = lazy(() => import("./pages/tours/ToursPage.tsx"));
const NewTourPage = lazy(() => import("./pages/tours/NewTourPage.tsx"));
const TourPage = lazy(() => import("./pages/tours/TourPage.tsx"));
const PublicTourPage = lazy(() => import("./pages/tours/PublicTourPage.tsx"));
const CancelRegistrationPage = lazy(() => import("./pages/tours/CancelRegistrationPage.tsx"));
const MeetingsPage = lazy(() => import("./pages/governance/MeetingsPage.tsx"));
const MeetingPage = lazy(() => import("./pages/governance/MeetingPage.tsx"));
const PublicAgendaPage = lazy(() => import("./pages/agenda/PublicAgendaPage.tsx"));
const EmbedAgendaPage = lazy(() => import("./pages/agenda/EmbedAgendaPage.tsx"));

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Routes>
          <Route element={<PublicLayout />}>
            <Route path="/connexion" element={<SignInPage />} />
            <Route path="/inscription" element={<SignUpPage />} />
            <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
            <Route path="/reinitialiser-mot-de-passe" element={<ResetPasswordPage />} />
            <Route path="/invitation/:token" element={<InvitationPage />} />
          </Route>
          <Route element={<AppLayout />}>
            <Route path="/" element={<HomePage />} />
            <Route path="/nouveau-consortium" element={<NewConsortiumPage />} />
            <Route path="/admin/courriels" element={<OutboxPage />} />
            <Route path="/c/:slug">
              <Route index element={<OverviewPage />} />
              <Route path="membres" element={<MembersPage />} />
              <Route path="partenaires" element={<PartnersPage />} />
              <Route path="lieux" element={<PlacesPage />} />
              <Route path="lieux/nouveau" element={<NewPlacePage />} />
              <Route path="lieux/:id" element={<PlacePage />} />
              <Route path="personnes" element={<PeoplePage />} />
              <Route path="personnes/:id" element={<PersonPage />} />
              <Route path="recherche" element={<SearchPage />} />
              <Route path="parametres" element={<SettingsPage />} />
              <Route path="agenda/sante" element={<AgendaHealthPage />} />
              <Route path="agenda/equilibre" element={<AgendaBalancePage />} />
              <Route path="agenda/flux" element={<AgendaFeedsPage />} />
              <Route path="agenda/import" element={<AgendaImportPage />} />
              <Route path="agenda" element={<AgendaPage />} />
              <Route path="agenda/nouveau" element={<NewEventPage />} />
              <Route path="agenda/evenements/:id" element={<EventPage />} />
              <Route path="rotations" element={<RotationsPage />} />
              <Route path="rotations/nouvelle" element={<NewRotationPage />} />
              <Route path="rotations/:id" element={<RotationPage />} />
              <Route path="rotations/:id/modifier" element={<EditRotationPage />} />
              <Route path="tournees" element={<ToursPage />} />
              <Route path="tournees/nouvelle" element={<NewTourPage />} />
              <Route path="tournees/:id" element={<TourPage />} />
              <Route path="residences" element={<ResidenciesPage />} />
              <Route path="residences/nouvelle" element={<NewResidencyPage />} />
              <Route path="residences/:id" element={<ResidencyPage />} />
              <Route path="residences/:id/modifier" element={<EditResidencyPage />} />
              <Route path="gouvernance/reunions" element={<MeetingsPage />} />
              <Route path="gouvernance/reunions/:id" element={<MeetingPage />} />
              <Route path="gouvernance/propositions" element={<ProposalsPage />} />
              <Route path="gouvernance/propositions/nouvelle" element={<NewProposalPage />} />
              <Route path="gouvernance/propositions/:id" element={<ProposalPage />} />
              <Route path="gouvernance/decisions" element={<DecisionsPage />} />
              <Route path="gouvernance" element={<BodiesPage />} />
              <Route path="gouvernance/instances/:id" element={<BodyPage />} />
              <Route path="gouvernance/colleges" element={<CollegesPage />} />
              <Route path="gouvernance/taches" element={<TasksPage />} />
              <Route path="gouvernance/charge" element={<WorkloadPage />} />
              <Route path="mes-taches" element={<MyTasksPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
          <Route element={<BareLayout />}>
            <Route path="/agenda/:slug" element={<PublicAgendaPage />} />
            <Route path="/agenda/:slug/integration" element={<EmbedAgendaPage />} />
            <Route path="/tournees/annulation/:token" element={<CancelRegistrationPage />} />
            <Route path="/tournees/:slug/:id" element={<PublicTourPage />} />
            <Route path="/residences/:slug/:id" element={<PublicResidencyPage />} />
          </Route>
          <Route element={<PublicLayout />}>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </Providers>
  );
}
