import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

test("the sign-in page is in French and accessible", async ({ page }) => {
  await page.goto("/connexion");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await expectAccessible(page, "connexion");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(DEMO.coordinator);
  await page.getByLabel("Mot de passe").fill("ce-n-est-pas-le-bon");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/connexion/);
});

test("the coordinator signs in, reads the overview in English, and signs out", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await expect(page).toHaveURL(/\/c\/demo$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "vue-d-ensemble");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("navigation", { name: /consortium/i }).getByRole("link", { name: "Places" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  await page.getByRole("button", { name: /Menu du compte/ }).click();
  await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/connexion/);
  await page.goto("/c/demo");
  await expect(page).toHaveURL(/connexion/);
});

test("someone new signs up, gets a welcome page and creates a consortium", async ({ page }) => {
  await page.goto("/inscription");
  await expectAccessible(page, "inscription");
  const email = `nouvelle-${Date.now()}@exemple.fr`;
  await page.getByLabel("Nom et prénom").fill("Nadia Nouvelle");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill("un-mot-de-passe-solide");
  const confirm = page.getByLabel("Confirmer le mot de passe");
  if (await confirm.count()) await confirm.fill("un-mot-de-passe-solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Bienvenue/ })).toBeVisible();
  await expectAccessible(page, "accueil-sans-consortium");

  await page.getByRole("link", { name: "Créer un consortium" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Créer un consortium" })).toBeVisible();
  await page.getByLabel("Nom du consortium").fill("Tiers-lieux du Lizon");
  await page.getByLabel("Territoire").fill("Vallée du Lizon");
  await page.getByRole("button", { name: "Créer le consortium" }).click();
  // Nothing chosen for the carrier yet: the form names the missing field instead of sending.
  await expect(page.getByText("Ce champ est obligatoire").first()).toBeVisible();
  await expectAccessible(page, "nouveau-consortium");
  await page.getByLabel("Nom de la structure porteuse").fill("La Forge");
  await page.getByRole("button", { name: "Créer le consortium" }).click();
  await expect(page).toHaveURL(/\/c\/tiers-lieux-du-lizon$/);
  await expect(page.getByText("La Forge").first()).toBeVisible();
});

test("in English, form errors are in English too", async ({ page }) => {
  await signIn(page, DEMO.member);
  await page.goto("/nouveau-consortium");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Create the consortium" }).click();
  await expect(page.getByText("This field is required").first()).toBeVisible();
  await expect(page.getByText("Ce champ est obligatoire")).toHaveCount(0);
  await expectAccessible(page, "new-consortium-en");
  await page.getByRole("button", { name: "Français" }).click();
});
