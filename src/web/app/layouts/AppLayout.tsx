import { Anchor, AppShell, Box, Burger, Button, Group, Menu, NavLink, ScrollArea, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useMatch, useNavigate } from "react-router";
import type { MeDto } from "../../../shared/contracts/consortium.ts";
import { LanguageSwitch } from "../../components/ui/LanguageSwitch.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { SkipLink } from "../../components/ui/SkipLink.tsx";
import { useMe, useSignOut } from "../../features/auth/api/session.ts";
import { useConsortium } from "../../features/consortium/api/consortium.ts";
import { withNext } from "../../lib/navigation.ts";
import { HeaderSearch } from "./HeaderSearch.tsx";

function ConsortiumSwitcher({ me, slug }: { me: MeDto; slug?: string }) {
  const { t } = useTranslation();
  const current = me.consortia.find((c) => c.slug === slug);
  if (me.consortia.length < 2) return null;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        {/* The accessible name starts with the visible text (WCAG 2.5.3), then says what the button does. */}
        <Button variant="default" size="xs" title={t("layout.switchConsortium")}>
          {current?.name ?? t("layout.chooseConsortium")}
          <VisuallyHidden> — {t("layout.switchConsortium")}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("layout.yourConsortia")}</Menu.Label>
        {me.consortia.map((c) => (
          <Menu.Item key={c.slug} component={Link} to={`/c/${c.slug}`} aria-current={c.slug === slug ? "page" : undefined}>
            {c.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function UserMenu({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={t("layout.userMenu", { name: me.user?.name ?? "" })}>
          {me.user?.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user?.email}</Menu.Label>
        <Menu.Item component={Link} to="/nouveau-consortium">
          {t("layout.newConsortium")}
        </Menu.Item>
        {me.isAdmin ? (
          <Menu.Item component={Link} to="/admin/courriels">
            {t("layout.outbox")}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate("/connexion", { replace: true }) })}>
          {t("layout.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function ConsortiumNav({ slug, onNavigate }: { slug: string; onNavigate: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const consortium = useConsortium(slug);
  const base = `/c/${slug}`;
  const abilities = consortium.data?.abilities ?? {};
  const items = [
    { to: base, label: t("nav.overview"), exact: true },
    { to: `${base}/mes-taches`, label: t("tasks.nav.mine") },
    { to: `${base}/agenda`, label: t("agenda.nav") },
    { to: `${base}/rotations`, label: t("rotations.nav") },
    { to: `${base}/tournees`, label: t("tours.nav") },
    { to: `${base}/residences`, label: t("residencies.nav") },
    { to: `${base}/gouvernance`, label: t("governance.nav") },
    { to: `${base}/membres`, label: t("nav.members") },
    { to: `${base}/lieux`, label: t("nav.places") },
    { to: `${base}/personnes`, label: t("nav.people") },
    { to: `${base}/partenaires`, label: t("nav.partners") },
    { to: `${base}/recherche`, label: t("nav.search") },
  ];
  if (abilities.update || abilities.manageAccounts || abilities.invite || abilities.readActivity) {
    items.push({ to: `${base}/parametres`, label: t("nav.settings") });
  }
  return (
    <>
      <Box px="sm" pb="sm">
        <Text fw={700} size="sm">
          {consortium.data?.name ?? ""}
        </Text>
      </Box>
      {items.map((item) => {
        const active = item.exact ? location.pathname === item.to : location.pathname.startsWith(item.to);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={active}
            variant="filled"
            aria-current={active ? "page" : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </>
  );
}

/** The signed-in shell: header everywhere, the consortium navigation under /c/:slug. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const match = useMatch("/c/:slug/*");
  const slug = match?.params.slug;
  const [opened, { toggle, close }] = useDisclosure(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile navigation on every page change
  useEffect(() => {
    close();
  }, [location.pathname, close]);

  if (me.isPending) {
    return (
      <main id="main">
        <Loading />
      </main>
    );
  }
  if (!me.data?.user) {
    return <Navigate to={withNext("/connexion", location.pathname + location.search)} replace />;
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={slug ? { width: 240, breakpoint: "sm", collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {slug ? (
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("layout.toggleNav")} />
            ) : null}
            <Anchor component={Link} to="/" fw={700} fz="lg" c="indigo.9" underline="never">
              Maillage
            </Anchor>
            <ConsortiumSwitcher me={me.data} slug={slug} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {slug ? <HeaderSearch slug={slug} /> : null}
            <LanguageSwitch />
            <UserMenu me={me.data} />
          </Group>
        </Group>
      </AppShell.Header>
      {slug ? (
        <AppShell.Navbar p="xs" aria-label={t("nav.label")}>
          <ScrollArea>
            <ConsortiumNav slug={slug} onNavigate={close} />
          </ScrollArea>
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1200}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
