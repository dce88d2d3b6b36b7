import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// Each journey works in its own month of 2031, far from the demo's programme (seeded around today), and
// creates through the API the events it needs, so that journeys neither depend on today's date nor on
// one another.

const API = "/api/consortia/demo";

interface Place {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  spaces: { id: string; name: string }[];
}
interface Organization {
  id: string;
  name: string;
  kind: string;
  abilities: Record<string, boolean>;
}

async function directory(page: Page) {
  const places = (await (await page.request.get(`${API}/places`)).json()) as Place[];
  const organizations = (await (await page.request.get(`${API}/organizations`)).json()) as Organization[];
  return { places, organizations };
}

async function createEvent(page: Page, body: Record<string, unknown>): Promise<{ id: string; title: string }> {
  const response = await page.request.post(`${API}/agenda/events`, {
    data: { venue: "place", visibility: "consortium", status: "confirmed", ...body },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function chooseOrganizer(page: Page, name: string) {
  await page.getByRole("combobox", { name: "Structures organisatrices" }).click();
  await page.getByRole("listbox", { name: "Structures organisatrices" }).getByRole("option", { name, exact: true }).click();
  await page.keyboard.press("Escape");
}

async function fillWhen(page: Page, day: string, start: string, end: string) {
  await page.getByLabel("Date de début").fill(day);
  await page.getByLabel("Heure de début").fill(start);
  await page.getByLabel("Date de fin").fill(day);
  await page.getByLabel("Heure de fin").fill(end);
}

test("the calendar shows a month, a week, a day and a list, keeps its state in the address, and prints", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  const { places } = await directory(page);
  const [first, second] = places;
  await createEvent(page, {
    title: "Permanence numérique",
    placeId: first.id,
    organizerIds: [first.organizationId],
    start: "2031-01-14T09:30",
    end: "2031-01-14T12:00",
    audiences: ["seniors"],
  });
  await createEvent(page, {
    title: "Soirée jeux",
    placeId: second.id,
    organizerIds: [second.organizationId],
    start: "2031-01-14T19:00",
    end: "2031-01-14T22:00",
    status: "tentative",
  });

  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Agenda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  await page.goto("/c/demo/agenda?vue=mois&date=2031-01-10");
  await expect(page.getByRole("heading", { level: 2, name: "Janvier 2031" })).toBeVisible();
  const grid = page.getByRole("table", { name: "Janvier 2031" });
  const cell = grid.getByRole("list", { name: /14 janvier 2031/ });
  // Time order, the place written out, and the tentative one marked as such.
  await expect(cell.getByRole("link")).toHaveText([/09:30.*Permanence numérique.*/, /19:00.*Soirée jeux.*À confirmer/]);
  await expect(cell.getByRole("link").first()).toContainText(first.name);
  await expect(page.getByRole("list", { name: "Couleurs des lieux" })).toContainText(first.name);
  await expectAccessible(page, "agenda-mois");

  // Next month is empty, and says so; the address keeps it across a reload.
  await page.getByRole("button", { name: "Mois suivant" }).click();
  await expect(page).toHaveURL(/date=2031-02-01/);
  await page.getByRole("button", { name: "Mois précédent" }).click();
  await expect(page).toHaveURL(/date=2031-01-01/);
  await page.goto("/c/demo/agenda?vue=mois&date=2031-01-14");
  await page.getByText("Semaine", { exact: true }).click();
  await expect(page).toHaveURL(/vue=semaine/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("janvier 2031");
  await expect(page.getByRole("region", { name: /mar\. 14 janv/ }).getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page, "agenda-semaine");

  await page.goto("/c/demo/agenda?vue=jour&date=2031-01-14");
  await expect(page.getByRole("region", { name: first.name })).toContainText("Permanence numérique");
  await expect(page.getByRole("region", { name: second.name })).toContainText("Soirée jeux");
  await expectAccessible(page, "agenda-jour");

  await page.goto("/c/demo/agenda?vue=liste&date=2031-01-14&public=seniors");
  await expect(page.getByLabel("Public")).toHaveValue("seniors");
  await expect(page.getByRole("link", { name: /Permanence numérique/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Soirée jeux/ })).toHaveCount(0);
  await expectAccessible(page, "agenda-liste");

  await page.goto("/c/demo/agenda?vue=mois&date=2030-11-01&lieu=00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("Aucun événement ce mois-ci.")).toBeVisible();

  // Print: the month alone, without the application's navigation.
  await page.goto("/c/demo/agenda?vue=mois&date=2031-01-10");
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navigation du consortium" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
  await expect(page.getByRole("table", { name: "Janvier 2031" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
});

test("a coordinator sees an audience clash with its link, gives a reason and saves", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  const { places } = await directory(page);
  const [first, second] = places;
  const existing = await createEvent(page, {
    title: "Atelier cuisine en famille",
    placeId: first.id,
    organizerIds: [first.organizationId],
    start: "2031-02-12T18:00",
    end: "2031-02-12T20:00",
    audiences: ["families"],
  });

  await page.goto("/c/demo/agenda?date=2031-02-12");
  await page.getByRole("link", { name: "Nouvel événement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvel événement" })).toBeVisible();
  await expect(page.getByLabel("Date de début")).toHaveValue("2031-02-12");
  await page.getByLabel("Titre").fill("Ciné-goûter des familles");
  await fillWhen(page, "2031-02-12", "18:30", "20:30");
  await page.getByLabel("Lieu", { exact: true }).selectOption(second.id);
  await chooseOrganizer(page, second.organizationName);
  await page.getByRole("checkbox", { name: "Familles" }).check();

  const clash = page.getByRole("alert").filter({ hasText: "Même public au même moment" });
  await expect(clash).toBeVisible();
  const link = clash.getByRole("link", { name: /Atelier cuisine en famille/ });
  await expect(link).toHaveAttribute("href", `/c/demo/agenda/evenements/${existing.id}`);
  await expect(link).toHaveAttribute("target", "_blank");
  await expectAccessible(page, "agenda-conflit-public");

  const save = page.getByRole("button", { name: "Enregistrer quand même" });
  await save.click();
  await expect(page.getByText("Indiquez pourquoi vous maintenez cet horaire malgré le conflit.")).toBeVisible();
  await page
    .getByLabel("Pourquoi maintenir cet horaire ?")
    .fill("Deux publics différents : les tout-petits ici, les ados là-bas.");
  await save.click();

  await expect(page.getByRole("heading", { level: 1, name: "Ciné-goûter des familles" })).toBeVisible();
  await expect(page.getByText("Événement enregistré.")).toBeVisible();
  await expect(page.getByText(`Organisé par ${second.organizationName}`)).toBeVisible();
  await expectAccessible(page, "agenda-evenement");
});

test("a space already taken is refused, with the explanation and the other event", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  const { places } = await directory(page);
  const place = places.find((p) => p.spaces.length > 0);
  expect(place, "a demo place with spaces").toBeTruthy();
  if (!place) return;
  const space = place.spaces[0];
  await createEvent(page, {
    title: "Assemblée des adhérents",
    placeId: place.id,
    spaceId: space.id,
    organizerIds: [place.organizationId],
    start: "2031-03-10T14:00",
    end: "2031-03-10T17:00",
  });

  await page.goto("/c/demo/agenda/nouveau?date=2031-03-10");
  await page.getByLabel("Titre").fill("Répétition de théâtre");
  await fillWhen(page, "2031-03-10", "15:00", "16:00");
  await page.getByLabel("Lieu", { exact: true }).selectOption(place.id);
  await page.getByLabel("Espace", { exact: true }).selectOption(space.id);
  await chooseOrganizer(page, place.organizationName);

  const taken = page.getByRole("alert").filter({ hasText: "Espace déjà occupé" });
  await expect(taken).toBeVisible();
  await expect(taken.getByRole("link", { name: /Assemblée des adhérents/ })).toBeVisible();
  await expect(taken).toContainText("Changez d'horaire ou d'espace pour pouvoir enregistrer.");
  await expect(page.getByRole("button", { name: "Publier l'événement" })).toBeDisabled();
  await expectAccessible(page, "agenda-espace-occupe");

  // Another time frees the space: the warning goes and the event can be published.
  await page.getByLabel("Heure de début").fill("17:30");
  await expect(taken).toBeHidden();
  await expect(page.getByRole("button", { name: "Publier l'événement" })).toBeEnabled();
});

test("a referent links a probable duplicate as co-organised instead of publishing it twice", async ({ page }) => {
  await signIn(page, DEMO.referent);
  const { places, organizations } = await directory(page);
  const own = organizations.find((o) => o.abilities.update);
  expect(own, "the referent's organisation").toBeTruthy();
  if (!own) return;
  const place = places.find((p) => p.organizationId === own.id) ?? places[0];
  const other = organizations.find((o) => o.kind === "member" && o.id !== own.id);
  if (!other) throw new Error("a second member organisation");

  // The same Repair Café, already published by another member at the same place.
  await page.context().clearCookies();
  await signIn(page, DEMO.coordinator);
  const existing = await createEvent(page, {
    title: "Repair Café de printemps",
    placeId: place.id,
    organizerIds: [other.id],
    start: "2031-04-05T10:00",
    end: "2031-04-05T13:00",
  });
  await page.context().clearCookies();
  await signIn(page, DEMO.referent);

  await page.goto("/c/demo/agenda/nouveau?date=2031-04-05");
  // The referent's organisation is already chosen.
  await expect(page.locator(".mantine-MultiSelect-pill", { hasText: own.name })).toBeVisible();
  await page.getByLabel("Titre").fill("Repair café de printemps !");
  await fillWhen(page, "2031-04-05", "10:00", "12:30");
  await page.getByLabel("Lieu", { exact: true }).selectOption(place.id);

  const duplicate = page.getByRole("alert").filter({ hasText: "Doublon probable" });
  await expect(duplicate).toBeVisible();
  await expect(duplicate.getByRole("link", { name: /Repair Café de printemps/ })).toBeVisible();
  await expectAccessible(page, "agenda-doublon");
  await duplicate.getByRole("button", { name: /Lier comme co-organisé/ }).click();

  await expect(page).toHaveURL(new RegExp(`/agenda/evenements/${existing.id}`));
  await expect(page.getByText("Votre structure co-organise maintenant cet événement.")).toBeVisible();
  await expect(page.getByText(/Co-organisé par/)).toContainText(other.name);
  await expect(page.getByText(/Co-organisé par/)).toContainText(own.name);

  // Nothing new was created: one Repair Café that day.
  await page.goto("/c/demo/agenda?vue=jour&date=2031-04-05");
  await expect(page.getByRole("link", { name: /Repair Café de printemps/i })).toHaveCount(1);
});

test("a weekly series is created, one date cancelled, and the calendar shows it « Annulé »", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  const { places } = await directory(page);
  const place = places[2] ?? places[0];

  await page.goto("/c/demo/agenda/nouveau?date=2031-05-06");
  await page.getByLabel("Titre").fill("Atelier tricot");
  await fillWhen(page, "2031-05-06", "14:00", "16:00");
  await page.getByLabel("Lieu", { exact: true }).selectOption(place.id);
  await chooseOrganizer(page, place.organizationName);
  await page.getByLabel("Répétition").selectOption("weekly");
  await expect(page.getByRole("checkbox", { name: "mardi" })).toBeChecked();
  await page.getByLabel("Nombre d'occurrences").fill("6");
  await expect(page.getByText("Chaque semaine le mardi, 6 fois")).toBeVisible();
  await expectAccessible(page, "agenda-serie-formulaire");
  await page.getByRole("button", { name: "Publier l'événement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Atelier tricot" })).toBeVisible();
  await expect(page.getByText("Chaque semaine le mardi, 6 fois").first()).toBeVisible();

  await page.goto("/c/demo/agenda?vue=mois&date=2031-05-01");
  const grid = page.getByRole("table", { name: "Mai 2031" });
  await expect(grid.getByRole("link", { name: /Atelier tricot/ })).toHaveCount(4);
  await grid
    .getByRole("list", { name: /13 mai 2031/ })
    .getByRole("link", { name: /Atelier tricot/ })
    .click();
  await expect(page).toHaveURL(/occurrence=/);
  await expect(page.getByText(/mardi 13 mai 2031, 14:00 – 16:00/).first()).toBeVisible();
  await page.getByRole("button", { name: "Annuler cette date" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Annuler cette date" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByText("Annulé").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Rétablir cette date" })).toBeVisible();
  await expectAccessible(page, "agenda-serie-date-annulee");

  await page.getByRole("link", { name: "Retour au calendrier" }).click();
  const cancelled = page.getByRole("list", { name: /13 mai 2031/ }).getByRole("link", { name: /Atelier tricot/ });
  await expect(cancelled).toContainText("Annulé");
  const next = page.getByRole("list", { name: /20 mai 2031/ }).getByRole("link", { name: /Atelier tricot/ });
  await expect(next).not.toContainText("Annulé");

  // Another date is changed on its own; the series' page lists both exceptions.
  await next.click();
  await page.getByRole("button", { name: "Modifier" }).click();
  const scope = page.getByRole("dialog", { name: "Modifier un événement récurrent" });
  await expect(scope.getByRole("radio", { name: "Cet événement", exact: true })).toBeChecked();
  await scope.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel("Titre").fill("Atelier tricot et goûter");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Atelier tricot et goûter" })).toBeVisible();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Dates modifiées ou annulées" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "13 mai 2031" })).toContainText("Annulé");
  await expect(page.getByRole("listitem").filter({ hasText: "20 mai 2031" })).toContainText("Atelier tricot et goûter");
});

test("the public agenda is reachable signed out, shows public events only, and offers its feed", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  const { places } = await directory(page);
  const place = places[0];
  await createEvent(page, {
    title: "Fête du jardin partagé",
    placeId: place.id,
    organizerIds: [place.organizationId],
    start: "2031-06-14T15:00",
    end: "2031-06-14T19:00",
    visibility: "public",
    description: "Grainothèque, goûter et musique.",
    price: "Gratuit",
  });
  await createEvent(page, {
    title: "Réunion du bureau",
    placeId: place.id,
    organizerIds: [place.organizationId],
    start: "2031-06-16T18:00",
    end: "2031-06-16T20:00",
    visibility: "consortium",
  });
  await page.context().clearCookies();

  await page.goto("/agenda/demo?date=2031-06-10");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Agenda");
  await expect(page.getByRole("heading", { level: 2, name: "Juin 2031" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Fête du jardin partagé/ })).toBeVisible();
  await expect(page.getByText("Réunion du bureau")).toHaveCount(0);
  const subscribe = page.getByRole("link", { name: "S'abonner" });
  await expect(subscribe).toHaveAttribute("href", /^webcal:\/\/.+\.ics$/);
  await expect(page.getByText(/Google Agenda relit/)).toBeVisible();
  await expectAccessible(page, "agenda-public");

  await page.getByRole("button", { name: /Fête du jardin partagé/ }).click();
  const dialog = page.getByRole("dialog", { name: "Fête du jardin partagé" });
  await expect(dialog).toContainText("Grainothèque, goûter et musique.");
  await expect(dialog).toContainText("Gratuit");
  await page.keyboard.press("Escape");

  await page.goto("/agenda/demo?vue=liste&date=2031-06-10");
  await expect(page.getByRole("heading", { level: 3, name: /samedi 14 juin 2031/i })).toBeVisible();
  await expectAccessible(page, "agenda-public-liste");

  await page.goto("/agenda/demo/integration?date=2031-06-01");
  await expect(page.getByRole("link", { name: /Fête du jardin partagé/ })).toBeVisible();
  await expect(page.getByText("Réunion du bureau")).toHaveCount(0);
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expectAccessible(page, "agenda-integration");

  await page.goto("/agenda/inconnu");
  await expect(page.getByRole("heading", { level: 1, name: "Agenda introuvable" })).toBeVisible();
});
