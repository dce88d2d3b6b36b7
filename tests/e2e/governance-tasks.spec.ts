import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// The demo leans on Claire Dumas, its coordinator: the workload page must say so. She then creates a task that
// needs a carpenter, takes the page's suggestion and gives it to Julien Faure, who finds it in « Mes tâches ».

const TITLE = "Inventaire de l'outillage partagé";

test("the coordinator sees the overload, hands a task over, and the member finds it in « Mes tâches »", async ({
  page,
  browser,
}) => {
  test.slow();
  await signIn(page, DEMO.coordinator);

  // ---- the workload: alerts first
  await page.goto("/c/demo/gouvernance/charge");
  await expect(page.getByRole("heading", { level: 1, name: "Répartition de la charge" })).toBeVisible();
  const overload = page.getByRole("status").filter({ hasText: "Claire Dumas porte" });
  await expect(overload).toContainText("au-delà du seuil de 40");
  await expect(overload).toContainText("Trop de charge sur une seule épaule");
  await expect(page.getByText(/Indice de concentration : 0,\d+/)).toBeVisible();
  await expect(page.getByRole("img", { name: /Part de chaque personne, seuil d'alerte à 40/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Détail par personne" }).getByRole("rowheader", { name: "Claire Dumas" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Réglages des alertes" })).toBeVisible();
  await expectAccessible(page, "gouvernance-charge");

  // ---- the tasks, then a new one that needs a carpenter
  await page.getByRole("navigation", { name: "Rubriques de la gouvernance" }).getByRole("link", { name: "Tâches" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tâches" })).toBeVisible();
  // The tab just clicked keeps the pointer: its hover colours are not what this page is checked for.
  await page.mouse.move(0, 0);
  await expect(page.getByText("Dossier de subvention FEDER « tiers-lieux en réseau »")).toBeVisible();
  await expectAccessible(page, "gouvernance-taches");

  await page.getByRole("button", { name: "Nouvelle tâche" }).click();
  const dialog = page.getByRole("dialog", { name: "Nouvelle tâche" });
  await dialog.getByLabel("Intitulé").fill(TITLE);
  await dialog.getByLabel("Effort estimé (heures)").fill("6");
  const skills = dialog.getByLabel("Compétences utiles");
  await skills.fill("menuiserie");
  await skills.press("Enter");
  const suggestions = dialog.getByRole("list", { name: "Qui pourrait la prendre ?" });
  await expect(suggestions).toContainText("Julien Faure");
  await expect(suggestions).toContainText("A la compétence demandée : menuiserie.");
  await expectAccessible(page, "gouvernance-tache-suggestions");
  await dialog.getByRole("button", { name: "Confier à Julien Faure" }).click();
  await expect(dialog.getByLabel("Personne responsable")).toHaveValue(/.+/);
  await expect(suggestions).toBeHidden();
  await dialog.getByRole("button", { name: "Créer la tâche" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Tâche créée.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: TITLE });
  await expect(row).toContainText("Julien Faure");
  await expect(row).toContainText("Coop'Bois Chabreuil");

  // ---- the member finds it in « Mes tâches » and ticks it done
  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, DEMO.member);
  await member.goto("/c/demo/mes-taches");
  await expect(
    member.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Mes tâches" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(member.getByRole("heading", { level: 1, name: "Mes tâches" })).toBeVisible();
  const mine = member.getByRole("row").filter({ hasText: TITLE });
  await expect(mine).toContainText("6 h");
  await expectAccessible(member, "mes-taches");
  await mine.getByRole("button", { name: "Marquer comme faite" }).click();
  await expect(member.getByText("Tâche marquée comme faite.")).toBeVisible();
  await expect(mine).toContainText("Faite");
  await context.close();
});
