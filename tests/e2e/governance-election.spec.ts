import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// The coordination runs the election in session, recording what each member of the steering committee says, in
// turn. The mandate it creates starts in 2031, so that today's workload figures of the other journeys do not move.

const BASE = "/c/demo/gouvernance";

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** The member proposed as next speaker takes their turn; waits until they are heard. */
async function turn(page: Page, button: string, remaining: number) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "à entendre" })).toHaveCount(remaining);
}

test("an election without candidates: argued ballots, a proposal, an objection met by a condition, the mandate", async ({
  page,
}) => {
  // Twenty-odd turns in session: longer than most journeys on a busy machine.
  test.slow();
  await signIn(page, DEMO.coordinator);
  await page.goto(`${BASE}/propositions/nouvelle`);
  await choose(page, "Instance", "Comité de pilotage");
  await page.getByLabel(/^Élection sans candidat/).check();
  await page.getByLabel("Rôle à pourvoir").fill("Référent·e formation");
  await page.getByLabel("Mission du rôle").fill("Suivre la certification partagée et les sessions de formation du réseau.");
  await choose(page, /Facilitation/, "Mehdi Benali");
  await page.getByLabel("Qualités recherchées").fill("Connaît les organismes de formation\nDisponible une demi-journée par mois");
  await choose(page, "Rôle du mandat dans l'instance", "Référent·e");
  await page.getByLabel("Début du mandat").fill("2031-01-01");
  // A mandate that ends before it starts is refused next to the field.
  await page.getByLabel("Fin du mandat (dernier jour)").fill("2030-12-31");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByText("La fin du mandat doit suivre son début")).toBeVisible();
  await page.getByLabel("Fin du mandat (dernier jour)").fill("2032-12-31");
  await expect(page.getByText("La fin du mandat doit suivre son début")).toBeHidden();
  await expectAccessible(page, "governance-election-new");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Référent·e formation" })).toBeVisible();
  await expect(page.getByText("Connaît les organismes de formation")).toBeVisible();
  await page.getByRole("button", { name: "Ouvrir les bulletins" }).click();
  await expect(page.getByRole("heading", { name: "Bulletins (0 sur 6)" })).toBeVisible();

  // A ballot needs a reason.
  await choose(page, "Je propose", "Sophie Lefèvre");
  await page.getByRole("button", { name: "Remettre le bulletin" }).click();
  await expect(page.getByText("Dites pourquoi cette personne correspond au rôle.").first()).toBeVisible();
  // Four name Sophie Lefèvre, two Karim Haddad, each with a reason.
  const ballots: Array<[string, string]> = [
    ["Sophie Lefèvre", "Elle a monté la certification Qualiopi de La Filature."],
    ["Karim Haddad", "Il anime déjà les formations au numérique."],
    ["Sophie Lefèvre", "Rigoureuse et disponible."],
    ["Sophie Lefèvre", "Elle connaît les financeurs de la formation."],
    ["Karim Haddad", "Pour répartir les rôles entre les lieux."],
    ["Sophie Lefèvre", "Elle a le temps cette année."],
  ];
  for (const [i, [nominee, reason]] of ballots.entries()) {
    await choose(page, "Je propose", nominee);
    await page.getByLabel("Parce que").fill(reason);
    await page.getByRole("button", { name: "Remettre le bulletin" }).click();
    await expect(page.getByRole("heading", { name: `Bulletins (${i + 1} sur 6)` })).toBeVisible();
  }
  await expectAccessible(page, "governance-election-ballots");
  await page.getByRole("button", { name: "Clore les bulletins" }).click();
  await page.getByRole("button", { name: "Clore les changements" }).click();

  // The facilitator proposes the person most named; the circle answers, the proposed person last.
  await expect(page.getByText("Sophie Lefèvre : 4 voix")).toBeVisible();
  await choose(page, "Personne proposée", "Sophie Lefèvre");
  await page.getByRole("button", { name: "Proposer au consentement" }).click();
  await expect(page.getByText("Proposition : Sophie Lefèvre")).toBeVisible();
  await page.getByLabel("Argument de l'objection").fill("Elle est déjà trésorière : deux rôles, c'est trop pour une personne.");
  await turn(page, "Objecter", 5);
  for (const left of [4, 3, 2, 1, 0]) await turn(page, "Pas d'objection", left);
  await page.getByRole("button", { name: "Clore le tour" }).click();

  // The facilitator answers the objection with a condition, and a new round follows.
  await expect(page.getByText("Levée des objections")).toBeVisible();
  await page.getByLabel("Condition qui répond aux objections").fill("Sophie Lefèvre passe la trésorerie à Claire Dumas en 2031.");
  await page.getByRole("button", { name: "Bonifier la proposition" }).click();
  await expect(page.getByText("Sophie Lefèvre passe la trésorerie à Claire Dumas en 2031.")).toBeVisible();
  for (const left of [5, 4, 3, 2, 1, 0]) await turn(page, "Pas d'objection", left);
  await expectAccessible(page, "governance-election-objections");
  await page.getByRole("button", { name: "Clore le tour" }).click();

  await expect(page.getByText("Sophie Lefèvre est élu·e au rôle « Référent·e formation ».")).toBeVisible();
  await expectAccessible(page, "governance-election-elected");

  // The mandate is in the body, and the election in the register.
  await page.goto(`${BASE}/decisions`);
  await page.getByLabel("Rechercher dans les décisions").fill("référent formation");
  await expect(page.getByText(/Sophie Lefèvre élu·e sans candidat au rôle « Référent·e formation »/)).toBeVisible();
  await page.goto(BASE);
  await page.getByRole("link", { name: "Comité de pilotage" }).first().click();
  await expect(page.getByText("Référent·e formation").first()).toBeVisible();
});
