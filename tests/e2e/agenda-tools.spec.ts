import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// The demo agenda is dated from the day the server seeds it: events sit at "week n, weekday d" from the Monday
// of the current Paris week. These helpers find the same days from the browser journeys.
function parisToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
const icsDay = (day: string) => day.replaceAll("-", "");

test("the feeds page shows the subscribe addresses, and the private feed is created, replaced and revoked", async ({ page }) => {
  await signIn(page, DEMO.member);
  await page.goto("/c/demo/agenda/flux");
  await expect(page.getByRole("heading", { level: 1, name: "Flux et intégration" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections de l'agenda" })).toBeVisible();

  const publicFeed = page.getByRole("textbox", { name: "Flux iCalendar du consortium" });
  await expect(publicFeed).toHaveValue(/\/ics\/demo\.ics$/);
  const subscribe = page.getByRole("link", { name: /S'abonner : Flux iCalendar/ });
  await expect(subscribe).toHaveAttribute("href", /^webcal:\/\/.*\/ics\/demo\.ics$/);
  await expect(page.getByRole("textbox", { name: "Flux du lieu La Filature" })).toHaveValue(/\/ics\/demo\/places\/.+\.ics$/);
  await expect(page.getByRole("textbox", { name: "Code d'intégration" })).toHaveValue(/<iframe[^>]+\/agenda\/demo\/integration/);
  await expect(page.getByRole("link", { name: /\/agenda\/demo$/ })).toBeVisible();
  await expect(page.getByText(/Google Agenda peut mettre plusieurs heures/)).toBeVisible();

  // The public feed really is a calendar.
  const feed = await page.request.get(await publicFeed.inputValue());
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");

  await page.getByRole("button", { name: "Créer mon flux privé" }).click();
  const privateFeed = page.getByRole("textbox", { name: "Adresse de votre flux privé" });
  await expect(privateFeed).toHaveValue(/\/ics\/private\/.+\.ics$/);
  const first = await privateFeed.inputValue();
  expect((await page.request.get(first)).status()).toBe(200);
  await expectAccessible(page, "agenda-flux");

  await page.getByRole("button", { name: "Régénérer" }).click();
  const rotateDialog = page.getByRole("dialog", { name: "Régénérer l'adresse du flux privé" });
  await expect(rotateDialog).toContainText("L'ancienne adresse cessera de fonctionner");
  await rotateDialog.getByRole("button", { name: "Régénérer" }).click();
  await expect(rotateDialog).toBeHidden();
  await expect(privateFeed).not.toHaveValue(first);
  const second = await privateFeed.inputValue();
  expect((await page.request.get(first)).status()).toBe(404);
  expect((await page.request.get(second)).status()).toBe(200);

  await page.getByRole("button", { name: "Révoquer" }).click();
  const revokeDialog = page.getByRole("dialog", { name: "Révoquer le flux privé" });
  await revokeDialog.getByRole("button", { name: "Révoquer" }).click();
  await expect(page.getByRole("button", { name: "Créer mon flux privé" })).toBeVisible();
  await expect(privateFeed).toHaveCount(0);
  expect((await page.request.get(second)).status()).toBe(404);

  // The page speaks English too.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feeds and embedding" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create my private feed" })).toBeVisible();
  await expectAccessible(page, "agenda-flux-en");
  await page.getByRole("button", { name: "Français" }).click();
});

test("an .ics file is previewed, a probable duplicate is left out, and the rest is imported", async ({ page }) => {
  const forumDay = addDays(mondayOf(parisToday()), 6 * 7 + 3);
  const laterDay = addDays(parisToday(), 20);
  const ics = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tests Maillage//FR",
    "BEGIN:VEVENT",
    "UID:e2e-import-compost@tests.maillage.fr",
    "DTSTAMP:20260101T000000Z",
    `DTSTART;TZID=Europe/Paris:${icsDay(laterDay)}T100000`,
    `DTEND;TZID=Europe/Paris:${icsDay(laterDay)}T120000`,
    "SUMMARY:Atelier compost partagé",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:e2e-import-couture@tests.maillage.fr",
    "DTSTAMP:20260101T000000Z",
    `DTSTART;TZID=Europe/Paris:${icsDay(addDays(laterDay, 1))}T140000`,
    `DTEND;TZID=Europe/Paris:${icsDay(addDays(laterDay, 1))}T170000`,
    "SUMMARY:Atelier couture et réparation",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:e2e-import-forum@tests.maillage.fr",
    "DTSTAMP:20260101T000000Z",
    `DTSTART;TZID=Europe/Paris:${icsDay(forumDay)}T140000`,
    `DTEND;TZID=Europe/Paris:${icsDay(forumDay)}T180000`,
    "SUMMARY:Forum des porteurs de projet",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");

  await signIn(page, DEMO.referent);
  await page.goto("/c/demo/agenda/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importer des événements" })).toBeVisible();
  // A referent imports for their own organisation only.
  await expect(page.getByLabel("Structure organisatrice")).toHaveValue(/.+/);
  await page.getByLabel("Lieu", { exact: true }).selectOption({ label: "La Filature" });
  await expect(page.getByText(/Aucun abonnement/)).toBeVisible();
  await expectAccessible(page, "agenda-import");

  // Something that is not a calendar is refused in the browser, in French.
  await page
    .getByLabel("Fichier .ics", { exact: true })
    .setInputFiles({ name: "notes.ics", mimeType: "text/calendar", buffer: Buffer.from("bonjour") });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByText("Ce fichier n'est pas un calendrier iCalendar (.ics) lisible.")).toBeVisible();

  await page
    .getByLabel("Fichier .ics", { exact: true })
    .setInputFiles({ name: "agenda.ics", mimeType: "text/calendar", buffer: Buffer.from(ics) });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  const preview = page.getByRole("table", { name: /événements trouvés dans la source/ });
  await expect(preview).toBeVisible();
  await expect(page.getByText("3 à créer, 0 à mettre à jour, 0 ignoré.")).toBeVisible();
  await expect(preview.getByRole("row")).toHaveCount(4);
  const forumRow = preview.getByRole("row").filter({ hasText: "Forum des porteurs de projet" });
  await expect(forumRow).toContainText("Doublon probable");
  await expect(forumRow.getByRole("checkbox")).not.toBeChecked();
  await expect(preview.getByRole("checkbox", { name: "Importer « Atelier compost partagé »" })).toBeChecked();
  await expectAccessible(page, "agenda-import-apercu");

  // Leaving one more row out changes the count on the button.
  await preview.getByRole("checkbox", { name: "Importer « Atelier couture et réparation »" }).uncheck();
  await expect(page.getByRole("button", { name: "Importer 1 événement" })).toBeVisible();
  await preview.getByRole("checkbox", { name: "Importer « Atelier couture et réparation »" }).check();
  await page.getByRole("button", { name: "Importer 2 événements" }).click();

  const done = page.getByRole("status").filter({ hasText: "Import terminé" });
  await expect(done).toContainText("2 créés, 0 mis à jour, 1 ignoré.");
  await expect(done.getByRole("link", { name: "Voir le calendrier" })).toHaveAttribute("href", "/c/demo/agenda");

  // Importing the same file again updates nothing new: the UIDs are known.
  await page
    .getByLabel("Fichier .ics", { exact: true })
    .setInputFiles({ name: "agenda.ics", mimeType: "text/calendar", buffer: Buffer.from(ics) });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByText("1 à créer, 0 à mettre à jour, 2 ignorés.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Atelier compost partagé" })).toContainText("Ignoré");
});

test("an unreachable address is explained in French", async ({ page }) => {
  await signIn(page, DEMO.referent);
  await page.goto("/c/demo/agenda/import");
  // The segmented control's radios are visually hidden behind their labels: click what people click.
  await page.locator("label").filter({ hasText: "Une adresse" }).click();
  await expect(page.getByRole("radio", { name: "Une adresse" })).toBeChecked();
  await page.getByLabel("Adresse de l'agenda").fill("ftp://exemple.fr/agenda.ics");
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByText("Adresse attendue en https:// ou webcal://")).toBeVisible();
  await page.getByLabel("Adresse de l'agenda").fill("https://agenda.invalid/calendrier.ics");
  await expect(page.getByLabel("S'abonner (rafraîchi toutes les heures)")).toBeChecked();
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByText(/Impossible de joindre cette adresse|n'a pas répondu dans les 10 secondes/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("table", { name: /trouvés dans la source/ })).toHaveCount(0);
});

test("an address is subscribed to, refreshed now, then deleted while its events stay", async ({ page }) => {
  await signIn(page, DEMO.referent);
  await page.goto("/c/demo/agenda/import");
  await page.locator("label").filter({ hasText: "Une adresse" }).click();
  // The feed of a place: a real calendar, served by the app itself. Whatever it holds was published by this agenda
  // (the demo's yearly tour may start there, depending on the rotation's draw), so nothing is to be imported.
  const address = `${new URL(page.url()).origin}/ics/demo/places/la-grange-numerique.ics`;
  await page.getByLabel("Adresse de l'agenda").fill(address);
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByText(/^0 à créer, 0 à mettre à jour/)).toBeVisible();
  await page.getByRole("button", { name: "Importer 0 événement et s'abonner" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Import terminé" })).toContainText("L'abonnement est enregistré");

  const row = page
    .getByRole("table", { name: "Agendas suivis par adresse" })
    .getByRole("row")
    .filter({ hasText: "la-grange-numerique.ics" });
  await expect(row).toContainText("La Filature");
  await expectAccessible(page, "agenda-import-abonnements");
  await row.getByRole("button", { name: /^Rafraîchir maintenant/ }).click();
  await expect(page.getByText(/^Abonnement rafraîchi/)).toBeVisible();
  await expect(row).toContainText("À jour");

  await row.getByRole("button", { name: /^Supprimer/ }).click();
  const dialog = page.getByRole("dialog", { name: "Supprimer l'abonnement" });
  await expect(dialog).toContainText("Les événements déjà importés restent");
  await dialog.getByRole("button", { name: "Supprimer" }).click();
  await expect(page.getByText(/Aucun abonnement/)).toBeVisible();
});

test("the health page lists a demo duplicate, and linking it as co-organised removes it", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto("/c/demo/agenda/sante");
  await expect(page.getByRole("heading", { level: 1, name: "Santé de la programmation" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Doublons? probables? \(\d+\)/ })).toBeVisible();
  // The two conferences are also an audience clash: look in the duplicates' section.
  const duplicates = page.getByRole("region", { name: /Doublons? probables?/ });
  const pair = duplicates.getByRole("article").filter({ hasText: "Conférence sobriété énergétique : par où commencer" });
  await expect(pair).toHaveCount(1);
  await expect(pair.getByRole("link", { name: /Sobriété énergétique/ }).first()).toHaveAttribute(
    "href",
    /\/c\/demo\/agenda\/evenements\/[0-9a-f-]{36}$/,
  );
  await expect(page.getByRole("heading", { level: 2, name: /Conflits? \(\d+\)/ })).toBeVisible();
  await expectAccessible(page, "agenda-sante");

  await pair.getByRole("button", { name: "Lier comme co-organisé" }).click();
  const dialog = page.getByRole("dialog", { name: "Lier comme un seul événement co-organisé" });
  await expect(dialog).toContainText("rejoignent");
  await expect(dialog).toContainText("est supprimé");
  await expectAccessible(page, "agenda-sante-lier");
  await dialog.getByRole("button", { name: "Lier comme co-organisé" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "ne font plus qu'un événement co-organisé" })).toBeVisible();
  await expect(pair).toHaveCount(0);

  // Not only hidden on this page: the server no longer reports it.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Santé de la programmation" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("status").filter({ hasText: "Chargement" })).toHaveCount(0);
  // The other demo duplicate is still listed, so the list did load.
  await expect(page.getByRole("article").filter({ hasText: "Forum des porteurs de projet" }).first()).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Conférence sobriété énergétique : par où commencer" })).toHaveCount(
    0,
  );
});

test("an audience clash is accepted with a reason, and leaves the list", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto("/c/demo/agenda/sante");
  const clashes = page.getByRole("region", { name: /Conflits? \(\d+\)/ });
  const clash = clashes.getByRole("article").filter({ hasText: "Concert jeune public : les Zinzins" });
  await expect(clash).toHaveCount(1);
  await expect(clash).toContainText("s'adressent au public « jeunes »");
  await clash.getByRole("button", { name: "Accepter ce chevauchement" }).click();
  const dialog = page.getByRole("dialog", { name: "Accepter ce chevauchement" });
  await dialog.getByRole("button", { name: "Accepter ce chevauchement" }).click();
  await expect(dialog.getByText("Indiquez pourquoi ce chevauchement est acceptable.")).toBeVisible();
  await expectAccessible(page, "agenda-sante-accepter");
  await dialog.getByLabel("Raison").fill("La soirée jeux accueille surtout des adultes ; le concert vise les collégiens.");
  await dialog.getByRole("button", { name: "Accepter ce chevauchement" }).click();
  await expect(dialog).toBeHidden();
  await expect(clash).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: /Conflits? \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Concert jeune public : les Zinzins" })).toHaveCount(0);
});

test("the balance page shows weeks × places as an accessible table, and a cell opens that week of the place", async ({
  page,
}) => {
  await signIn(page, DEMO.coordinator);
  await page.goto("/c/demo/agenda/equilibre");
  await expect(page.getByRole("heading", { level: 1, name: "Équilibre de la programmation" })).toBeVisible();
  const table = page.getByRole("table", { name: /Nombre d'événements par semaine et par lieu,/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader").nth(1)).toHaveText(/^Semaine du \d+/);
  const filature = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "La Filature" }) });
  // The weekly fablab makes every week of La Filature count at least one event, written in the cell.
  const firstCell = filature.getByRole("link").first();
  await expect(firstCell).toHaveAccessibleName(/^[1-9]\d* événements?, charge : /);
  await expect(page.getByRole("heading", { name: "Légende" })).toBeVisible();
  await expectAccessible(page, "agenda-equilibre");

  await page.locator("label").filter({ hasText: "Publics" }).click();
  await expect(page.getByRole("table", { name: /par public,/ })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Familles" })).toBeVisible();
  await page.locator("label").filter({ hasText: "Lieux" }).click();

  await page
    .getByRole("table", { name: /par lieu,/ })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "La Filature" }) })
    .getByRole("link")
    .first()
    .click();
  await expect(page).toHaveURL(/\/c\/demo\/agenda\?vue=semaine&date=\d{4}-\d{2}-\d{2}&lieu=[0-9a-f-]{36}$/);
});

test("suggest a date: the best slots with their reasons, each opening the prefilled new-event form", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto("/c/demo/agenda/equilibre");
  const suggest = page.getByRole("region", { name: "Proposer une date" });
  await suggest.getByRole("button", { name: "Proposer des dates" }).click();
  await expect(suggest.getByText("Choisissez un public")).toBeVisible();
  await suggest.getByLabel("Public", { exact: true }).selectOption({ label: "Familles" });
  await suggest.getByLabel("Lieu", { exact: true }).selectOption({ label: "La Filature" });
  await suggest.getByLabel("Heures de début préférées").fill("10:00, 14h30");
  await suggest.getByRole("button", { name: "Proposer des dates" }).click();
  const cards = suggest.getByRole("article");
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toContainText(/Score : \d+ %/);
  await expect(cards.first().getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page, "agenda-equilibre-propositions");

  const create = cards.first().getByRole("link", { name: /^Créer à cette date/ });
  const href = (await create.getAttribute("href")) ?? "";
  const url = new URL(href, "http://x");
  expect(url.pathname).toBe("/c/demo/agenda/nouveau");
  expect(url.searchParams.get("debut")).toMatch(/^\d{4}-\d{2}-\d{2}T(10:00|14:30)$/);
  expect(url.searchParams.get("fin")).toMatch(/^\d{4}-\d{2}-\d{2}T(12:00|16:30)$/);
  expect(url.searchParams.get("public")).toBe("families");
  expect(url.searchParams.get("lieu")).toMatch(/^[0-9a-f-]{36}$/);
  await create.click();
  await expect(page).toHaveURL(/\/c\/demo\/agenda\/nouveau\?debut=/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
