import type { Locator, Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// Both journeys are run by the coordination alone, as a secretary would in a meeting: it records each member's
// show of hands, or what each member of the circle says, in turn.

const BASE = "/c/demo/gouvernance";

/** Picks an option of a Mantine select by its label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** The table of one college; its caption says how many of its members have voted. */
const college = (page: Page, name: string) => page.getByRole("table", { name: new RegExp(`Collège ${name}`) });

/** Records the show of hands of the n-th member of a college and waits for the count to move. */
async function record(table: Locator, choice: "Pour" | "Contre" | "Abstention", nth: number, votedAfter: number) {
  await table
    .getByRole("button", { name: new RegExp(`^${choice} :`) })
    .nth(nth)
    .click();
  await expect(table.locator("caption")).toContainText(`${votedAfter} votes sur`);
}

test("the coordination runs a weighted college vote to its result and recounts it", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto(`${BASE}/propositions`);
  await expect(page.getByRole("heading", { level: 1, name: "Propositions" })).toBeVisible();
  await page.getByRole("link", { name: "Nouvelle proposition" }).first().click();

  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle proposition" })).toBeVisible();
  await choose(page, "Instance", "Assemblée générale des associés");
  await page.getByLabel("Titre").fill("Fonds commun d'équipement 2027");
  await page.getByLabel("Texte de la proposition").fill("Créer un fonds commun de 12 000 € pour l'équipement partagé des lieux.");
  await page.getByLabel(/^Vote pondéré par collège/).check();
  // Every setting is stated in plain words before anyone votes.
  await expect(page.getByLabel(/^Proportionnelle/)).toBeChecked();
  await expect(page.getByLabel(/^Écartés : seuls les pour et les contre comptent/)).toBeChecked();
  await expectAccessible(page, "governance-proposal-new");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Fonds commun d'équipement 2027" })).toBeVisible();
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByRole("heading", { name: "Votes" })).toBeVisible();

  // Tiers-lieux 40 %: 2 for. Salariés 20 %: 1 for, 1 against. Habitants 30 %: 1 against, 1 abstention.
  // Collectivités 10 %: 1 for. Proportionally: 40 % + 10 % + 0 % + 10 % = 60 % for.
  const lieux = college(page, "Tiers-lieux");
  await record(lieux, "Pour", 0, 1);
  await record(lieux, "Pour", 1, 2);
  const salaries = college(page, "Salariés");
  await record(salaries, "Pour", 0, 1);
  await record(salaries, "Contre", 1, 2);
  const habitants = college(page, "Habitants");
  await record(habitants, "Contre", 0, 1);
  await record(habitants, "Abstention", 1, 2);
  const collectivites = college(page, "Collectivités");
  await record(collectivites, "Pour", 0, 1);
  await expectAccessible(page, "governance-proposal-vote");

  await page.getByRole("button", { name: "Clore le vote" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Clore le vote" }).click();
  await expect(page.getByRole("heading", { name: "Résultat" })).toBeVisible();
  await expect(page.getByText(/^Adoptée : 60\s% des voix pondérées par collège sont pour/)).toBeVisible();
  const breakdown = page.getByRole("table", { name: "Détail par collège" });
  await expect(breakdown.getByRole("row")).toHaveCount(5);
  await expect(breakdown.getByRole("row", { name: /Salariés/ })).toContainText(/50\s%/);
  await expect(page.getByRole("img", { name: /Part de « pour » par collège/ })).toBeVisible();
  await page.getByRole("button", { name: "Recompter" }).click();
  await expect(page.getByText("Le recomptage à partir des données enregistrées donne le même résultat.")).toBeVisible();
  await expectAccessible(page, "governance-proposal-result");
});

/** The member proposed as next speaker takes their turn with this button; waits until they are heard. */
async function turn(page: Page, button: string, remaining: number) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "à entendre" })).toHaveCount(remaining);
}

test("a consent round with one argued objection, lifted after an amendment, ends in the register", async ({ page }) => {
  const title = "Ouvrir le comité aux habitants";
  await signIn(page, DEMO.coordinator);
  await page.goto(`${BASE}/propositions/nouvelle`);
  await choose(page, "Instance", "Comité de pilotage");
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Texte de la proposition").fill("Deux places du comité sont ouvertes à des habitants tirés au sort.");
  await page.getByLabel(/^Décision par consentement/).check();
  await choose(page, /Porteur ou porteuse/, "Élodie Marchand");
  await choose(page, /Facilitation/, "Mehdi Benali");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await page.getByRole("button", { name: "Présenter la proposition" }).click();

  // Clarification: one question, answered by the carrier; the others pass.
  await expect(page.getByRole("heading", { name: /Tour de clarification n° 1/ })).toBeVisible();
  await page.getByLabel("Question").fill("Pour combien de temps ?");
  await turn(page, "Poser la question", 4);
  for (const left of [3, 2, 1, 0]) await turn(page, "Passer", left);
  await page.getByLabel(/Réponse du porteur/).fill("Un an, renouvelable une fois.");
  await page.getByRole("button", { name: "Répondre" }).click();
  await expect(page.getByText(/→ « Un an, renouvelable une fois. »/)).toBeVisible();
  await expectAccessible(page, "governance-consent-clarification");
  await page.getByRole("button", { name: "Clore le tour" }).click();

  // Reactions: one reaction, the others pass.
  await expect(page.getByRole("heading", { name: /Tour de réactions n° 1/ })).toBeVisible();
  await page.getByLabel("Réaction").fill("Bonne idée, le tirage au sort me gêne un peu.");
  await turn(page, "Donner sa réaction", 4);
  for (const left of [3, 2, 1, 0]) await turn(page, "Passer", left);
  await page.getByRole("button", { name: "Clore le tour" }).click();

  // The carrier amends the text, which opens the objection round.
  await page
    .getByLabel("Texte amendé")
    .fill("Deux places du comité sont ouvertes à des habitants volontaires, tirés au sort parmi eux.");
  await page.getByRole("button", { name: "Amender le texte" }).click();
  await expect(page.getByRole("heading", { name: /Tour d'objections n° 1/ })).toBeVisible();
  await expect(page.getByText("Version 2 du texte")).toBeVisible();

  // An objection must be argued.
  await page.getByRole("button", { name: "Objecter", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("argument");
  await page
    .getByLabel("Argument de l'objection")
    .fill("Sans durée de mandat écrite, le comité ne pourra pas renouveler ces places.");
  await turn(page, "Objecter", 4);
  for (const left of [3, 2, 1, 0]) await turn(page, "Pas d'objection", left);
  await page.getByRole("button", { name: "Clore le tour" }).click();

  // Resolution: the objector lifts it once heard, and the facilitator notes that none stands.
  await expect(page.getByText("Levée des objections")).toBeVisible();
  await expectAccessible(page, "governance-consent-objection");
  await page.getByRole("button", { name: /^Lever l'objection de / }).click();
  await expect(page.getByText("levée", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Constater qu'aucune objection ne subsiste" }).click();
  await expect(page.getByText("Adoptée par consentement, sans objection restante.")).toBeVisible();
  await expectAccessible(page, "governance-consent-adopted");

  await page.goto(`${BASE}/decisions`);
  await expect(page.getByRole("heading", { level: 1, name: "Registre des décisions" })).toBeVisible();
  await page.getByLabel("Rechercher dans les décisions").fill("habitants volontaires");
  const row = page.getByRole("rowheader", { name: new RegExp(title) });
  await expect(row).toBeVisible();
  // The demo's register has decisions by consent too: read this one's result in its own row.
  await expect(row.getByText(/Adoptée par consentement : aucune objection ne subsiste/)).toBeVisible();
  await expectAccessible(page, "governance-decisions");
});

test("an advice process: the author asks, hears, answers, then decides", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto(`${BASE}/propositions/nouvelle`);
  await choose(page, "Instance", "Comité de pilotage");
  await page.getByLabel("Titre").fill("Changer de banque");
  await page.getByLabel("Texte de la proposition").fill("Le réseau ouvre son compte dans une banque coopérative.");
  await page.getByLabel(/^Sollicitation d'avis/).check();
  await choose(page, /Qui décide/, "Sophie Lefèvre");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await page.getByRole("button", { name: "Ouvrir la sollicitation d'avis" }).click();

  await choose(page, "Demander l'avis de", "Karim Haddad");
  await page.getByRole("button", { name: "Demander l'avis" }).click();
  await expect(page.getByText("en attente", { exact: true })).toBeVisible();
  // Deciding before the advice asked for is in is refused, with the reason.
  await page.getByLabel("Texte de la décision").fill("Le compte est ouvert à la Nef.");
  await page.getByRole("button", { name: "Décider" }).click();
  await expect(page.getByRole("alert")).toBeVisible();

  await choose(page, /^Avis de$/, "Karim Haddad");
  await page.getByLabel("Avis", { exact: true }).fill("Vérifier les frais de tenue de compte.");
  await page.getByRole("button", { name: "Donner l'avis" }).click();
  await expect(page.getByText("répondu", { exact: true })).toBeVisible();
  await page.getByLabel("Réponse à Karim Haddad").fill("Comparés : ils sont plus bas.");
  await page.getByRole("button", { name: "Répondre" }).click();
  await expect(page.getByText(/Réponse de Sophie Lefèvre/)).toBeVisible();
  await expectAccessible(page, "governance-advice");
  await page.getByLabel("Texte de la décision").fill("Le compte est ouvert à la Nef.");
  await page.getByRole("button", { name: "Décider" }).click();
  await expect(page.getByText("Le compte est ouvert à la Nef.")).toBeVisible();
  await expect(page.getByText("Adoptée", { exact: true })).toBeVisible();
});
