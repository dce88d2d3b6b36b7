import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NavLink as RouterNavLink } from "react-router";
import classes from "./AgendaTabs.module.css";

/** The agenda's own navigation, shared by every agenda page: the calendar and its tools. */
export function AgendaTabs({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const base = `/c/${slug}/agenda`;
  const tabs = [
    { to: base, label: t("agenda.tabs.calendar"), end: true },
    { to: `${base}/sante`, label: t("agenda.tabs.health") },
    { to: `${base}/equilibre`, label: t("agenda.tabs.balance") },
    { to: `${base}/flux`, label: t("agenda.tabs.feeds") },
    { to: `${base}/import`, label: t("agenda.tabs.import") },
  ];
  return (
    <nav aria-label={t("agenda.tabs.label")} className="no-print">
      <Group gap={4} className={classes.tabs}>
        {tabs.map((tab) => (
          <RouterNavLink key={tab.to} to={tab.to} end={tab.end} className={classes.tab}>
            {tab.label}
          </RouterNavLink>
        ))}
      </Group>
    </nav>
  );
}
