import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// The residency lives in 2032, away from the demo's own residency (from next month) and from the other
// journeys' years: every stay is to come.

const NAME = "Traversées sonores";
const ARTIST = "Compagnie Les Ondes";

/** Fills and sends the stay dialog; the dialog stays open when the server refuses. */
async function fillStay(page: Page, stay: { place: string; from: string; to: string; referent?: string; summary?: string }) {
  const dialog = page.getByRole("dialog", { name: "Nouveau séjour" });
  // Matched by the start of its label: another journey renames a place of the demo (« La Filature, tiers-lieu textile »).
  const select = dialog.getByLabel("Lieu d'accueil");
  const value = await select.locator("option", { hasText: stay.place }).first().getAttribute("value");
  await select.selectOption(value ?? "");
  await dialog.getByLabel("Premier jour").fill(stay.from);
  await dialog.getByLabel("Dernier jour").fill(stay.to);
  if (stay.referent) await dialog.getByLabel("Référent·e d'accueil").selectOption({ label: stay.referent });
  if (stay.summary) await dialog.getByLabel("Ce que l'artiste y fait").fill(stay.summary);
  await dialog.getByRole("button", { name: "Ajouter un séjour" }).click();
  return dialog;
}

test("a coordinator plans a moving residency, ticks its hand-over and publishes its route", async ({ page, browser }) => {
  // A long journey: six pages checked with axe, three stays added through a dialog, a map drawn twice.
  test.slow();
  await signIn(page, DEMO.coordinator);

  // ---- the list, with the demo's residency, then the form
  await page.goto("/c/demo");
  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Résidences" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Résidences itinérantes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Carnets du Val d'Aurèze" })).toBeVisible();
  await expectAccessible(page, "residences-liste");
  await page.getByRole("link", { name: "Nouvelle résidence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle résidence" })).toBeVisible();

  // Nothing filled: refused next to the fields, before anything is sent, and the first one takes the focus.
  await page.getByRole("button", { name: "Créer la résidence" }).click();
  await expect(page.getByText("Ce champ est obligatoire").first()).toBeVisible();
  await expect(page.getByLabel("Nom de la résidence")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Nom de la résidence")).toBeFocused();
  await expect(page.getByLabel("Artiste ou collectif")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Nom de la résidence").fill(NAME);
  await page.getByLabel("Artiste ou collectif").fill(ARTIST);
  await page.getByLabel("Discipline").fill("Création sonore");
  await page
    .getByLabel("Présentation")
    .fill("Une compagnie enregistre les sons de chaque lieu et en compose une pièce itinérante.");
  // Prepared as a draft until the route is ready.
  await expect(page.getByRole("radio", { name: /Brouillon/ })).toBeChecked();
  await expectAccessible(page, "residence-formulaire");
  await page.getByRole("button", { name: "Créer la résidence" }).click();

  // ---- the residency, empty
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText("Résidence créée. Ajoutez maintenant ses séjours")).toBeVisible();
  await expect(page.getByText("Aucun séjour pour l'instant. Ajoutez le premier lieu")).toBeVisible();
  await expectAccessible(page, "residence-vide");

  // ---- three stays, added out of order, one refused for overlapping
  await page.getByRole("button", { name: "Ajouter un séjour" }).first().click();
  let dialog = await fillStay(page, {
    place: "La Filature",
    from: "2032-03-03",
    to: "2032-03-28",
    referent: "Élodie Marchand",
    summary: "Prise de son des machines du fablab.",
  });
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Séjour ajouté : il figure dans l'agenda")).toBeVisible();

  await page.getByRole("button", { name: "Ajouter un séjour" }).first().click();
  dialog = await fillStay(page, { place: "Le Moulin des Arts", from: "2032-05-10", to: "2032-06-05" });
  await expect(dialog).toBeHidden();

  // The last day before the first is refused in the dialog, next to the field.
  await page.getByRole("button", { name: "Ajouter un séjour" }).first().click();
  dialog = await fillStay(page, { place: "Le Grain de Sel", from: "2032-04-05", to: "2032-04-01" });
  await expect(dialog.getByText("Le dernier jour précède le premier")).toBeVisible();
  await expect(dialog.getByLabel("Dernier jour")).toHaveAttribute("aria-invalid", "true");
  // Days shared with the stay at La Filature: the server names it.
  await dialog.getByLabel("Premier jour").fill("2032-03-20");
  await dialog.getByLabel("Dernier jour").fill("2032-04-30");
  await dialog.getByRole("button", { name: "Ajouter un séjour" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "Ces dates chevauchent le séjour à La Filature, du 3 au 28 mars 2032 : l'artiste n'est qu'en un lieu à la fois.",
  );
  await expectAccessible(page, "residence-sejour-chevauchement");
  await dialog.getByLabel("Premier jour").fill("2032-04-05");
  await dialog.getByRole("button", { name: "Ajouter un séjour" }).click();
  await expect(dialog).toBeHidden();

  // In date order, each with its dates in French, its hand-over and its event.
  const stays = page.getByRole("article");
  await expect(stays).toHaveCount(3);
  await expect(stays.nth(0).getByRole("heading", { level: 3 })).toHaveText("Étape 1 : La Filature");
  await expect(stays.nth(1).getByRole("heading", { level: 3 })).toHaveText("Étape 2 : Le Grain de Sel");
  await expect(stays.nth(2).getByRole("heading", { level: 3 })).toHaveText("Étape 3 : Le Moulin des Arts");
  await expect(stays.nth(0)).toContainText("Du 3 au 28 mars 2032 · 26 jours");
  await expect(stays.nth(1)).toContainText("Du 5 au 30 avril 2032");
  await expect(stays.nth(2)).toContainText("Du 10 mai au 5 juin 2032");
  await expect(stays.nth(0)).toContainText("Référent·e d'accueil : Élodie Marchand");
  await expect(stays.nth(1)).toContainText("Pas encore de référent·e d'accueil.");
  for (let i = 0; i < 3; i++) {
    await expect(stays.nth(i).getByText("0/5", { exact: true })).toBeVisible();
    await expect(stays.nth(i).getByRole("link", { name: /Voir dans l'agenda/ })).toHaveAttribute(
      "href",
      /\/c\/demo\/agenda\/evenements\//,
    );
  }

  // ---- the hand-over: one item ticked, one removed after confirmation
  const first = stays.nth(0);
  await first.getByRole("checkbox", { name: "Clés et accès remis" }).check();
  await expect(first.getByText("1/5", { exact: true })).toBeVisible();
  await expect(first.getByText(/Fait par Claire Dumas le/)).toBeVisible();
  // Renaming and removing wait for the host to ask for them.
  await expect(first.getByRole("button", { name: /^Retirer/ })).toHaveCount(0);
  await first.getByRole("button", { name: "Modifier la liste — La Filature" }).click();
  await first.getByRole("button", { name: "Retirer « Bilan avec le référent »" }).click();
  const confirm = page.getByRole("dialog", { name: "Retirer cet élément ?" });
  await expect(confirm).toContainText("« Bilan avec le référent » sera retiré de la passation de La Filature.");
  await confirm.getByRole("button", { name: "Retirer" }).click();
  await expect(confirm).toBeHidden();
  await expect(first.getByText("1/4", { exact: true })).toBeVisible();
  await expect(first.getByRole("checkbox", { name: "Bilan avec le référent" })).toHaveCount(0);
  await first.getByLabel("Ajouter un élément à la passation").fill("Enregistrements copiés sur le disque du réseau");
  await first.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(first.getByRole("checkbox", { name: "Enregistrements copiés sur le disque du réseau" })).toBeVisible();
  await expect(first.getByText("1/5", { exact: true })).toBeVisible();
  await first.getByRole("button", { name: "Terminer" }).click();
  await expect(first.getByLabel("Ajouter un élément à la passation")).toHaveCount(0);

  // The route on the map, in order.
  const map = page.getByRole("region", { name: `Carte : l'itinéraire de « ${NAME} », étape par étape` });
  await expect(map.locator(".route-stop-icon")).toHaveCount(3);
  await expect(map.getByRole("button", { name: "1. La Filature, du 3 au 28 mars 2032" })).toBeVisible();
  await expectAccessible(page, "residence-itineraire");

  // The stay is an event of the agenda.
  await first.getByRole("link", { name: /Voir dans l'agenda/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Résidence — ${ARTIST}` })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();

  // ---- made public
  await expect(page.getByRole("link", { name: "Page publique" })).toHaveCount(0);
  await page.getByRole("link", { name: "Modifier", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Modifier « ${NAME} »` })).toBeVisible();
  await page.getByRole("radio", { name: /Public/ }).check();
  await expectAccessible(page, "residence-modifier");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  const publicLink = page.getByRole("link", { name: "Page publique" });
  await expect(publicLink).toBeVisible();
  const publicPath = (await publicLink.getAttribute("href")) ?? "";
  expect(publicPath).toMatch(/^\/residences\/demo\/[0-9a-f-]{36}$/);

  // ---- the public page, for someone who is not signed in
  const visitor = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const visitorErrors: string[] = [];
  visitor.on("pageerror", (e) => visitorErrors.push(e.message));
  await visitor.goto(publicPath);
  await expect(visitor.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(visitor.getByText(`${ARTIST} · Création sonore`)).toBeVisible();
  await expect(visitor.getByText("Du 3 mars au 5 juin 2032 · 3 étapes")).toBeVisible();
  const steps = visitor.getByRole("article");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("1. La Filature");
  await expect(steps.nth(0)).toContainText("Du 3 au 28 mars 2032");
  await expect(steps.nth(0)).toContainText("Prise de son des machines du fablab.");
  await expect(steps.nth(1)).toContainText("2. Le Grain de Sel");
  await expect(steps.nth(2)).toContainText("3. Le Moulin des Arts");
  await expect(steps.nth(2)).toContainText("Du 10 mai au 5 juin 2032");
  // Nothing of the people or the hand-over.
  await expect(visitor.getByText("Élodie Marchand")).toHaveCount(0);
  await expect(visitor.getByText("Passation")).toHaveCount(0);
  const publicMap = visitor.getByRole("region", { name: `Carte : l'itinéraire de « ${NAME} », étape par étape` });
  await expect(publicMap.locator(".leaflet-container")).toBeVisible();
  await expect(publicMap.locator(".route-stop-icon")).toHaveCount(3);
  await expect(publicMap.locator(".leaflet-overlay-pane path")).toHaveCount(1);
  await expect(publicMap.getByRole("button", { name: "3. Le Moulin des Arts, du 10 mai au 5 juin 2032" })).toBeVisible();
  await expectAccessible(visitor, "residence-publique");
  expect(visitorErrors).toEqual([]);
  await visitor.close();
});
