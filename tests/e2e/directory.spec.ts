import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

test("the overview shows the member places on a map, with the list as its text alternative", async ({ page }) => {
  await signIn(page, DEMO.member);
  const map = page.getByRole("region", { name: "Carte des lieux du consortium" });
  await expect(map).toBeVisible();
  // One marker per place that has coordinates (Leaflet draws circle markers as SVG paths).
  await expect(map.locator("path.leaflet-interactive")).toHaveCount(7);
  await expectAccessible(page, "carte");
});

test("a referent edits their place: text, opening hours and a position picked on the map", async ({ page }) => {
  await signIn(page, DEMO.referent);
  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Lieux" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lieux" })).toBeVisible();
  await expectAccessible(page, "lieux");
  await page
    .getByRole("link", { name: /La Filature/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Filature");
  await expectAccessible(page, "lieu");

  await page.getByRole("button", { name: "Modifier le lieu" }).click();
  await page.getByLabel("Nom du lieu").fill("La Filature, tiers-lieu textile");
  await page.getByLabel("Ville").fill("Aurèze");
  const latitude = page.getByLabel("Latitude");
  const before = await latitude.inputValue();
  await page.getByRole("region", { name: /Carte/ }).click({ position: { x: 60, y: 60 } });
  await expect(latitude).not.toHaveValue(before);
  await expectAccessible(page, "lieu-edition");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("La Filature, tiers-lieu textile");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("La Filature, tiers-lieu textile");

  // The journeys share one demo: give the place its name back for the others (residencies, tours).
  await page.getByRole("button", { name: "Modifier le lieu" }).click();
  await page.getByLabel("Nom du lieu").fill("La Filature");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("La Filature");
});

test("a member can read a place but sees no edit action", async ({ page }) => {
  await signIn(page, DEMO.member);
  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Lieux" }).click();
  await page
    .getByRole("link", { name: /Grain de Sel/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Grain de Sel");
  await expect(page.getByRole("button", { name: "Modifier le lieu" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Supprimer le lieu" })).toHaveCount(0);
});

test("search finds accented words typed without accents, and plurals", async ({ page }) => {
  await signIn(page, DEMO.partner);
  const box = page.getByRole("searchbox", { name: "Rechercher dans le consortium" });
  await box.fill("economie");
  await box.press("Enter");
  await expect(page).toHaveURL(/recherche\?q=economie/);
  await expect(page.getByRole("link", { name: /Ressourcerie des Fayes/ }).first()).toBeVisible();
  await expectAccessible(page, "recherche");

  await page.goto("/c/demo/recherche?q=r%C3%A9sidences");
  // The place, the organisation that runs it and its people all match; open the place.
  const placeLink = page.locator('a[href*="/lieux/"]').filter({ hasText: "Moulin des Arts" });
  await expect(placeLink.first()).toBeVisible();
  await placeLink.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Moulin des Arts");
});

test("people, members, partners and settings pages are accessible", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  const nav = page.getByRole("navigation", { name: "Navigation du consortium" });
  for (const [link, shot] of [
    ["Personnes", "personnes"],
    ["Membres", "membres"],
    ["Partenaires", "partenaires"],
    ["Paramètres", "parametres"],
  ] as const) {
    await nav.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, shot);
  }
  await nav.getByRole("link", { name: "Personnes" }).click();
  await page.getByLabel("Rechercher une personne").fill("menuiserie");
  await page.getByLabel("Rechercher une personne").press("Enter");
  await expect(page.getByText(/résultat/)).toBeVisible();
});

test("someone in two consortia switches between them, and sees only each one's data", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.getByRole("button", { name: /Changer de consortium/ }).click();
  await page.getByRole("menuitem", { name: /Haut-Lizon/ }).click();
  await expect(page).toHaveURL(/\/c\/reseau-voisin$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Haut-Lizon");
  // A member there: no settings in the navigation.
  await expect(
    page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Paramètres" }),
  ).toHaveCount(0);
  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Lieux" }).click();
  await expect(page.getByRole("link", { name: /La Filature/ })).toHaveCount(0);
  await expectAccessible(page, "autre-consortium-lieux");
});
