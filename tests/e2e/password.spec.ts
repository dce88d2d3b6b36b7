import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

test("someone who forgot their password resets it through the e-mailed link", async ({ page, browser }) => {
  // A fresh account, so that other journeys keep the demo passwords.
  const email = `oubli-${Date.now()}@exemple.fr`;
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Olivier Oubli");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill("premier-mot-de-passe");
  const confirm = page.getByLabel("Confirmer le mot de passe");
  if (await confirm.count()) await confirm.fill("premier-mot-de-passe");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Bienvenue/ })).toBeVisible();
  await page.context().clearCookies();

  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expectAccessible(page, "mot-de-passe-oublie");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByText(/un courriel contenant un lien/)).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/courriels");
  await admin.getByText(email).first().click();
  const link = await admin
    .getByRole("link", { name: /reset-password/ })
    .first()
    .getAttribute("href");
  await adminContext.close();

  const resetUrl = new URL(link as string);
  await page.goto(resetUrl.pathname + resetUrl.search);
  await expect(page).toHaveURL(/reinitialiser-mot-de-passe\?token=/);
  await expectAccessible(page, "reinitialiser-mot-de-passe");
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("second-mot-de-passe");
  await page.getByLabel("Confirmer le mot de passe", { exact: true }).fill("second-mot-de-passe");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByText(/Votre mot de passe a été changé/)).toBeVisible();

  await signIn(page, email, "second-mot-de-passe");
  await expect(page.getByRole("heading", { level: 1, name: /Bienvenue/ })).toBeVisible();
});
