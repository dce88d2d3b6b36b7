import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

test("the coordinator invites someone, who reads the outbox link, signs up and joins", async ({ page, browser }) => {
  const email = `invitee-${Date.now()}@exemple.fr`;
  await signIn(page, DEMO.coordinator);
  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Paramètres" }).click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Envoyer l'invitation" }) });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Rôle").selectOption("member");
  await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText(email).first()).toBeVisible();

  // Without SMTP_URL the e-mail lands in the outbox, read by the instance admin.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/courriels");
  await expect(admin.getByRole("heading", { level: 1, name: "Courriels envoyés" })).toBeVisible();
  await expectAccessible(admin, "courriels");
  await admin.getByText(email).first().click();
  const link = await admin
    .getByRole("link", { name: /\/invitation\// })
    .first()
    .getAttribute("href");
  expect(link).toMatch(/\/invitation\//);
  await adminContext.close();

  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(new URL(link as string).pathname);
  await expect(invitee.getByText(/Les Communs du Val d'Aurèze/)).toBeVisible();
  await expectAccessible(invitee, "invitation");
  await invitee.getByRole("link", { name: "Créer un compte" }).click();
  await invitee.getByLabel("Nom et prénom").fill("Inès Invitée");
  await invitee.getByLabel("Adresse e-mail").fill(email);
  await invitee.getByLabel("Mot de passe", { exact: true }).fill("un-mot-de-passe-solide");
  const confirm = invitee.getByLabel("Confirmer le mot de passe");
  if (await confirm.count()) await confirm.fill("un-mot-de-passe-solide");
  await invitee.getByRole("button", { name: "Créer mon compte" }).click();
  await invitee.getByRole("button", { name: "Accepter l'invitation" }).click();
  await expect(invitee).toHaveURL(/\/c\/demo$/);
  await inviteeContext.close();
});
