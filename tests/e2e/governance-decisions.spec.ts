import type { Locator, Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// The coordination keeps the register: a review date, the reminder when it comes, and what replaced what. The
// journey first adopts two decisions of its own by a show of hands in the steering committee, so that it never
// depends on the demo's. Its register changes are undone at the end (journeys share one demo database); the two
// decisions stay, as adopted.

const BASE = "/c/demo/gouvernance";
const FIRST = "Charte d'accueil des résidents";
const SECOND = "Règlement des résidences 2027";

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** A majority vote in the steering committee, with one ballot for, closed: the proposal is adopted. */
async function adopt(page: Page, title: string, text: string) {
  await page.goto(`${BASE}/propositions/nouvelle`);
  await choose(page, "Instance", "Comité de pilotage");
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Texte de la proposition").fill(text);
  await page.getByLabel(/^Vote à la majorité/).check();
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await page
    .getByRole("button", { name: /^Pour :/ })
    .first()
    .click();
  await expect(page.locator("caption").first()).toContainText(/ 1 votes? sur/);
  await page.getByRole("button", { name: "Clore le vote" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByRole("heading", { name: "Résultat" })).toBeVisible();
}

const rowOf = (page: Page, title: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${title}`) }) });

async function edit(page: Page, row: Locator): Promise<Locator> {
  await row.getByRole("button", { name: /^Modifier/ }).click();
  const dialog = page.getByRole("dialog", { name: "Modifier la décision" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("the coordination sets a review date, sends the reminder, and records a replacement", async ({ page }) => {
  // Two proposals are adopted before the register is touched.
  test.setTimeout(150_000);
  await signIn(page, DEMO.coordinator);
  await adopt(page, FIRST, "Chaque lieu accueille les résidents selon la charte commune du réseau.");
  await adopt(page, SECOND, "Le règlement remplace la charte d'accueil : durée, engagements et restitution.");

  await page.goto(`${BASE}/decisions`);
  await expect(page.getByRole("heading", { level: 1, name: "Registre des décisions" })).toBeVisible();
  const first = rowOf(page, FIRST);
  await expect(first).toContainText("Pas de date");
  await expect(first).toContainText("En vigueur");

  // A review date already past: the decision is due for review.
  let dialog = await edit(page, first);
  await dialog.getByLabel("Date de révision").fill("2026-01-05");
  await expectAccessible(page, "governance-decisions-edit");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();
  await expect(first).toContainText("Révision arrivée");
  const due = page.getByRole("region", { name: /décisions? à revoir/ });
  await expect(due).toBeVisible();
  await due.getByRole("button", { name: "Envoyer le rappel" }).click();
  await expect(due.getByRole("status")).toContainText(/^Rappel envoyé à la coordination/);
  await expect(first.getByText("À revoir", { exact: true })).toBeVisible();
  // Once per review date: asking again sends nothing.
  await due.getByRole("button", { name: "Envoyer le rappel" }).click();
  await expect(due.getByRole("status")).toContainText("déjà été envoyé");
  await expectAccessible(page, "governance-decisions-review-due");

  // Replaced by the second: the field says what is missing, then the row names the replacing decision.
  dialog = await edit(page, first);
  await dialog.getByLabel("Remplacée par une autre décision").check();
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog.getByText("Choisissez la décision qui la remplace")).toBeVisible();
  await choose(page, /Décision qui la remplace/, SECOND);
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();
  await expect(first.getByText("Remplacée", { exact: true })).toBeVisible();
  await expect(first.getByRole("link", { name: `« ${SECOND} »` })).toBeVisible();
  await expect(page.getByRole("region", { name: /à revoir/ })).toBeHidden();
  await expectAccessible(page, "governance-decisions-replaced");

  // Undo: back in force, with no review date.
  dialog = await edit(page, first);
  await dialog.getByLabel("Date de révision").fill("");
  await dialog.getByLabel("En vigueur").check();
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();
  await expect(first).toContainText("Pas de date");
  await expect(first.getByText("En vigueur", { exact: true })).toBeVisible();
  await expect(first.getByRole("link", { name: `« ${SECOND} »` })).toHaveCount(0);
});
