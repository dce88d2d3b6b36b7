import { NNBSP } from "../../src/shared/governance/fraction.ts";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// The demo's SCIC: four colleges weighted 40 / 20 / 30 / 10 %, the intercommunalité holding 40 % of the capital
// and 1/60 ≈ 1,7 % of the votes, a steering committee whose co-presidents' mandates end on 29 February 2028.

/** A day as the pages write it: « 12 mars 2027 ». */
const frenchDay = (day: string) =>
  new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** Today in Paris plus some days, as YYYY-MM-DD. */
function parisDayIn(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("a coordinator reads the bodies and the shares, is refused a 60 % college and adds a mandate", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.coordinator);

  // ---- the bodies, grouped by kind, and what comes up for renewal
  await page.goto("/c/demo");
  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Gouvernance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Instances et mandats" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Rubriques de la gouvernance" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Assemblées générales" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Assemblée générale des associés" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Groupe de travail foncier" })).toBeVisible();
  const steeringCard = page.getByRole("article").filter({ has: page.getByRole("link", { name: "Comité de pilotage" }) });
  await expect(steeringCard).toContainText("6 membres");
  // The co-presidents' mandates end on 29 February 2028: the next renewal the page announces.
  await expect(steeringCard).toContainText("Prochaine échéance : 29 février 2028 (6 mandats)");
  await expect(page.getByRole("heading", { level: 2, name: "Mandats à renouveler" })).toBeVisible();
  await expectAccessible(page, "gouvernance-instances");

  // ---- the colleges page: 40 % of the capital, 1,7 % of the votes
  await page
    .getByRole("navigation", { name: "Rubriques de la gouvernance" })
    .getByRole("link", { name: "Collèges et capital" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Collèges et capital" })).toBeVisible();
  // The pointer left on the tab would be checked in its hover colours, which no reader sees for long.
  await page.mouse.move(0, 0);
  const interco = page.getByRole("row", { name: /Communauté de communes du Val d'Aurèze/ });
  await expect(interco).toContainText(`40${NNBSP}%`);
  await expect(interco).toContainText(`1,7${NNBSP}%`);
  await expect(interco).toContainText("(1/60)");
  await expect(
    page.getByText(`Communauté de communes du Val d'Aurèze : 40${NNBSP}% du capital, 1,7${NNBSP}% des voix.`),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: "Part du capital et part des voix par collège" })).toBeVisible();
  await expectAccessible(page, "gouvernance-colleges");

  // ---- a 60 % college is refused with a sentence naming it, and nothing changes
  await expect(page.getByLabel("Part des voix du collège 1")).toHaveValue(`40${NNBSP}%`);
  await page.getByLabel("Part des voix du collège 1").fill("60 %");
  await page.getByLabel("Part des voix du collège 3").fill("10 %");
  await page.getByRole("button", { name: "Enregistrer les collèges" }).click();
  const refusal = `Le collège Tiers-lieux membres détiendrait 60${NNBSP}% des voix : chaque collège doit en détenir entre 10${NNBSP}% et 50${NNBSP}%.`;
  await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
  await expect(page.getByLabel("Part des voix du collège 1")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "gouvernance-colleges-refus");
  await page.reload();
  await expect(page.getByLabel("Part des voix du collège 1")).toHaveValue(`40${NNBSP}%`);

  // ---- a mandate in a working group, ending within 90 days: it comes up for renewal
  await page.getByRole("navigation", { name: "Rubriques de la gouvernance" }).getByRole("link", { name: "Instances" }).click();
  await page.getByRole("link", { name: "Groupe de travail formation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Groupe de travail formation" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Élodie Marchand/ }).first()).toContainText("Référent·e");
  await expectAccessible(page, "gouvernance-instance");

  await page.getByRole("button", { name: "Ajouter un mandat" }).click();
  const dialog = page.getByRole("dialog", { name: "Ajouter un mandat" });
  await dialog.getByLabel("Tapez un nom pour chercher").fill("Dumas");
  await dialog.getByRole("combobox", { name: "Personne" }).selectOption({ label: "Claire Dumas" });
  await dialog.getByRole("combobox", { name: "Rôle" }).selectOption({ label: "Secrétariat" });
  const ends = parisDayIn(45);
  await dialog.getByLabel("Dernier jour (facultatif)").fill(ends);
  await expectAccessible(page, "gouvernance-ajout-mandat");
  await dialog.getByRole("button", { name: "Ajouter le mandat" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Mandat ajouté." })).toBeVisible();
  const row = page.getByRole("table", { name: /mandats? en cours/ }).getByRole("row", { name: /Claire Dumas/ });
  await expect(row).toContainText("Secrétariat");
  await expect(row).toContainText(frenchDay(ends));

  // Ending it asks first, with the reason kept in the history.
  await row.getByRole("button", { name: "Mettre fin au mandat de Claire Dumas" }).click();
  const confirm = page.getByRole("dialog", { name: "Mettre fin au mandat de Claire Dumas ?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Annuler" }).click();
  await expect(confirm).toBeHidden();

  // Back on the list, the new mandate is due for renewal, and the reminder goes to the coordination once.
  await page.getByRole("link", { name: "Toutes les instances" }).click();
  const renewals = page.getByRole("region", { name: "Mandats à renouveler" });
  await expect(renewals).toContainText("Claire Dumas");
  await expect(renewals).toContainText(`fin le ${frenchDay(ends)} (dans 45 jours)`);
  await renewals.getByRole("button", { name: "Envoyer les rappels" }).click();
  await expect(renewals.getByRole("status")).toContainText("Rappel envoyé à");
  await page.mouse.move(0, 0);
  await expectAccessible(page, "gouvernance-rappels");
});

test("a coordinator edits a working group, then adds an associate and takes it off the register", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.coordinator);
  const tabs = page.getByRole("navigation", { name: "Rubriques de la gouvernance" });

  // ---- the body's form opens on what it has today
  await page.goto("/c/demo/gouvernance");
  await page.getByRole("link", { name: "Groupe de travail foncier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Groupe de travail foncier" })).toBeVisible();
  await expect(page.getByText("Pas de pouvoir")).toBeVisible();
  const noQuorum = "Pas de quorum : l'instance délibère quel que soit le nombre de présents.";
  await expect(page.getByText(noQuorum)).toBeVisible();
  await page.getByRole("button", { name: "Modifier l'instance" }).click();
  const form = page.getByRole("dialog", { name: "Modifier l'instance" });
  await expect(form.getByLabel("Nom")).toHaveValue("Groupe de travail foncier");
  await expect(form.getByRole("combobox", { name: "Type d'instance" })).toHaveValue("working_group");
  await expect(form.getByLabel("Pouvoirs par membre présent")).toHaveValue("0");
  const quorum = form.getByRole("group", { name: "Quorum" });
  await expect(quorum.getByRole("combobox", { name: "Première convocation" })).toHaveValue("");
  await expect(quorum.getByRole("combobox", { name: "Seconde convocation" })).toHaveValue("");
  await expect(quorum.getByRole("radio", { name: "Par tête" })).toBeChecked();
  // The demo's statute weighs its colleges: a weighted quorum is on offer.
  await expect(quorum.getByRole("radio", { name: "Pondéré par collège" })).toBeEnabled();
  await expectAccessible(page, "gouvernance-modifier-instance");

  // A name another body holds is refused next to the field, and nothing is written.
  await form.getByLabel("Nom").fill("Comité de pilotage");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form.getByLabel("Nom")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Une instance porte déjà ce nom")).toBeVisible();
  await expectAccessible(page, "gouvernance-modifier-instance-refus");

  await form.getByLabel("Nom").fill("Groupe de travail foncier et baux");
  await form.getByLabel("Pouvoirs par membre présent").fill("2");
  // Half the group on first call; a third when it has to be called again. Keyboard only, as in a select.
  await quorum.getByRole("combobox", { name: "Première convocation" }).selectOption("1/2");
  await quorum.getByRole("combobox", { name: "Seconde convocation" }).focus();
  await page.keyboard.press("Tab");
  await expect(quorum.getByRole("radio", { name: "Par tête" })).toBeFocused();
  await quorum.getByRole("combobox", { name: "Seconde convocation" }).selectOption({ label: "1/3" });
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Instance modifiée." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Groupe de travail foncier et baux" })).toBeVisible();
  await expect(page.getByText("2 pouvoirs par membre présent")).toBeVisible();
  await expect(
    page.getByText("Quorum : 1/2 des membres présents ou représentés en première convocation, 1/3 en seconde."),
  ).toBeVisible();
  await page.mouse.move(0, 0);
  await expectAccessible(page, "gouvernance-instance-quorum");

  // The demo is shared by every journey: the group gets its name, its proxy limit and its lack of quorum back.
  await page.getByRole("button", { name: "Modifier l'instance" }).click();
  await expect(form.getByLabel("Pouvoirs par membre présent")).toHaveValue("2");
  await expect(quorum.getByRole("combobox", { name: "Seconde convocation" })).toHaveValue("1/3");
  await form.getByLabel("Nom").fill("Groupe de travail foncier");
  await form.getByLabel("Pouvoirs par membre présent").fill("0");
  await quorum.getByRole("combobox", { name: "Première convocation" }).selectOption({ label: "Aucun quorum" });
  await quorum.getByRole("combobox", { name: "Seconde convocation" }).selectOption({ label: "Aucun quorum" });
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Groupe de travail foncier" })).toBeVisible();
  await expect(page.getByText("Pas de pouvoir")).toBeVisible();
  await expect(page.getByText(noQuorum)).toBeVisible();

  // ---- a new associate: the college and the public cap are the server's to refuse, next to their fields
  await tabs.getByRole("link", { name: "Collèges et capital" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Collèges et capital" })).toBeVisible();
  const register = page.getByRole("table", { name: /Par associé/ });
  await expect(register.getByRole("caption")).toHaveText("Par associé (42)");
  await page.getByRole("button", { name: "Ajouter un associé" }).click();
  const adding = page.getByRole("dialog", { name: "Ajouter un associé" });
  // Those already on the register are not offered.
  await expect(adding.getByRole("combobox", { name: "Structure" }).locator("option", { hasText: "La Filature" })).toHaveCount(0);
  await adding.getByRole("combobox", { name: "Structure" }).selectOption({ label: "La Grange Numérique" });
  await adding.getByLabel("Capital détenu (€)").fill("1 000");
  await adding.getByRole("button", { name: "Ajouter au registre" }).click();
  const college = adding.getByRole("combobox", { name: "Collège" });
  await expect(college).toHaveAttribute("aria-invalid", "true");
  await expect(adding).toContainText("aucun collège");

  await college.selectOption({ label: "Tiers-lieux membres" });
  await adding.getByLabel("Capital détenu (€)").fill("5 000");
  await adding.getByLabel("Collectivité ou établissement public territorial").check();
  await adding.getByRole("button", { name: "Ajouter au registre" }).click();
  await expect(adding.getByLabel("Capital détenu (€)")).toHaveAttribute("aria-invalid", "true");
  await expect(adding).toContainText("Les collectivités détiendraient ensemble");
  await expectAccessible(page, "gouvernance-ajout-associe-refus");

  await adding.getByLabel("Collectivité ou établissement public territorial").uncheck();
  await adding.getByLabel("Capital détenu (€)").fill("1 000");
  await adding.getByRole("button", { name: "Ajouter au registre" }).click();
  await expect(adding).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "La Grange Numérique entre au registre des associés." })).toBeVisible();
  await expect(register.getByRole("caption")).toHaveText("Par associé (43)");
  const row = register.getByRole("row", { name: /La Grange Numérique/ });
  await expect(row).toContainText("Tiers-lieux membres");
  await expect(row).toContainText(/1\s000\s€/);

  // ---- taking it off the register asks first, naming it
  await page.mouse.move(0, 0);
  await row.getByRole("button", { name: "Retirer La Grange Numérique du registre" }).click();
  const confirm = page.getByRole("dialog", { name: "Retirer La Grange Numérique du registre ?" });
  await expect(confirm).toContainText(/son capital \(1\s000\s€\)/);
  await expectAccessible(page, "gouvernance-retrait-associe");
  await confirm.getByRole("button", { name: "Retirer du registre" }).click();
  await expect(confirm).toBeHidden();
  await expect(
    page.getByRole("status").filter({ hasText: "La Grange Numérique quitte le registre des associés." }),
  ).toBeVisible();
  await expect(register.getByRole("row", { name: /La Grange Numérique/ })).toHaveCount(0);
  await expect(register.getByRole("caption")).toHaveText("Par associé (42)");
  await expectAccessible(page, "gouvernance-colleges-apres-retrait");
});
