import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";

const SECTIONS = [
  { path: "", key: "bodies", end: true },
  { path: "/colleges", key: "colleges", end: false },
  { path: "/reunions", key: "meetings", end: false },
  { path: "/propositions", key: "proposals", end: false },
  { path: "/decisions", key: "decisions", end: false },
  { path: "/taches", key: "tasks", end: false },
  { path: "/charge", key: "workload", end: false },
] as const;

/**
 * The sections of governance, as links: each page of the module shows them above its title. Outlined dark text, or
 * filled dark indigo for the current one: the contrast holds in every state, hover included.
 */
export function GovernanceTabs() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const { pathname } = useLocation();
  const base = `/c/${slug}/gouvernance`;
  return (
    <nav aria-label={t("governance.tabs.label")}>
      <Group gap={4} wrap="wrap">
        {SECTIONS.map((s) => {
          const to = `${base}${s.path}`;
          const active = s.end ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
          return (
            <Button
              key={s.key}
              component={Link}
              to={to}
              size="compact-sm"
              color="indigo.9"
              variant={active ? "filled" : "default"}
              aria-current={active ? "page" : undefined}
            >
              {t(`governance.tabs.${s.key}`)}
            </Button>
          );
        })}
      </Group>
    </nav>
  );
}
