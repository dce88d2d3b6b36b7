import type { Locator, Page } from "@playwright/test";
import type { RotationDto } from "../../src/shared/contracts/rotations.ts";
import { explainReason, type TurnReason } from "../../src/shared/rotations/phrases.ts";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// The rotation lives in 2031, far from the demo's programme (seeded around today): every date is to come, and
// nothing else of the demo sits on those mornings.

const API = "/api/consortia/demo";
const NAME = "Café des lieux";
// The second Thursday of each month of 2031.
const DATES = [
  "2031-01-09",
  "2031-02-13",
  "2031-03-13",
  "2031-04-10",
  "2031-05-08",
  "2031-06-12",
  "2031-07-10",
  "2031-08-14",
  "2031-09-11",
  "2031-10-09",
  "2031-11-13",
  "2031-12-11",
];

interface Place {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
}
interface Organization {
  id: string;
  name: string;
  kind: string;
}

/** Four member organisations with a place each, as the directory lists them. */
async function hosts(page: Page): Promise<Place[]> {
  const places = (await (await page.request.get(`${API}/places`)).json()) as Place[];
  const organizations = (await (await page.request.get(`${API}/organizations`)).json()) as Organization[];
  const members = new Set(organizations.filter((o) => o.kind === "member").map((o) => o.id));
  const chosen: Place[] = [];
  for (const p of places) {
    if (members.has(p.organizationId) && !chosen.some((c) => c.organizationId === p.organizationId)) chosen.push(p);
    if (chosen.length === 4) break;
  }
  expect(chosen, "four member organisations with a place").toHaveLength(4);
  return chosen;
}

const bodyRows = (table: Locator) => table.locator("tbody tr");
/** The host named in a row of the schedule (second column). */
const hostOf = (row: Locator) => row.locator("td").first().locator("p").first();
const hostText = async (row: Locator) => ((await hostOf(row).textContent()) ?? "").trim();

test("a coordinator sets up a monthly rotation, generates it, gives one turn to another place and swaps two", async ({
  page,
}) => {
  // A long journey: seven pages checked with axe, a schedule generated and changed three times.
  test.slow();
  await signIn(page, DEMO.coordinator);
  const places = await hosts(page);
  const names = places.map((p) => p.organizationName);

  // ---- the list, then the form
  await page.goto("/c/demo");
  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Rotations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rotations" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Nouvelle rotation" })).toBeVisible();
  // Empty on a fresh demo: the page says what a rotation is.
  await expectAccessible(page, "rotations-accueil");
  await page.getByRole("link", { name: "Nouvelle rotation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle rotation" })).toBeVisible();

  // An empty name is refused next to the field, before anything is sent.
  await page.getByRole("button", { name: "Créer la rotation" }).click();
  await expect(page.getByText("Ce champ est obligatoire").first()).toBeVisible();
  await expect(page.getByLabel("Nom", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Nom", { exact: true })).toBeFocused();

  await page.getByLabel("Nom", { exact: true }).fill(NAME);
  await page.getByLabel("Description").fill("Un café, des croissants et les nouvelles de chaque lieu, un jeudi par mois.");
  await page.getByLabel("Première date").fill(DATES[0]);
  await page.getByLabel("Heure de début").fill("08:30");
  await page.getByLabel("Heure de fin").fill("10:00");
  await page.getByLabel("Répétition", { exact: true }).selectOption("monthly_weekday");
  await page.getByLabel("Nombre d'occurrences").fill("12");
  await expect(page.getByRole("status").filter({ hasText: "2e jeudi" })).toBeVisible();

  await page.getByRole("button", { name: "Ajouter un lieu d'accueil" }).click();
  await page.getByRole("button", { name: "Ajouter un lieu d'accueil" }).click();
  for (const [i, place] of places.entries()) {
    const row = page.getByRole("group", { name: `Lieu d'accueil ${i + 1}` });
    await row.getByLabel("Structure").selectOption({ label: place.organizationName });
    await row.getByLabel("Lieu", { exact: true }).selectOption(place.id);
  }
  // The server's 422 is shown next to the field it names: here an end before the start.
  await page.getByLabel("Heure de fin").fill("08:00");
  await page.getByRole("button", { name: "Créer la rotation" }).click();
  await expect(page.getByText("La fin doit être après le début")).toBeVisible();
  await expect(page.getByLabel("Heure de fin")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Heure de fin")).toBeFocused();
  await expectAccessible(page, "rotation-formulaire");
  await page.getByLabel("Heure de fin").fill("10:00");
  await page.getByRole("button", { name: "Créer la rotation" }).click();

  // ---- the rotation, generated
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByText("Rotation créée. Générez le calendrier")).toBeVisible();
  await expect(page.getByText(/2e jeudi/).first()).toBeVisible();
  await expectAccessible(page, "rotation-a-generer");
  await page.getByRole("button", { name: "Générer le calendrier" }).click();
  await expect(page.getByText("Calendrier généré : les 12 dates ont un lieu d'accueil.")).toBeVisible();

  const schedule = page.getByRole("table", { name: /12 dates de « Café des lieux »/ });
  await expect(bodyRows(schedule)).toHaveCount(12);
  for (const [i, day] of DATES.entries()) {
    const row = bodyRows(schedule).nth(i);
    await expect(row.locator("th")).toContainText(new RegExp(`${Number(day.slice(8))} \\S+ 2031`));
    await expect(row.locator("th")).toContainText("08:30 – 10:00");
    expect(names).toContain(await hostText(row));
    await expect(row.getByRole("link", { name: /Voir l'événement/ })).toHaveAttribute("href", /\/c\/demo\/agenda\/evenements\//);
  }

  // Each place hosts three of the twelve dates.
  const fairness = page.getByRole("table", { name: "Tours par lieu d'accueil, comparés à leur part" });
  await expect(bodyRows(fairness)).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    const cells = bodyRows(fairness).nth(i).locator("td");
    await expect(cells.nth(2)).toHaveText("3");
    await expect(cells.nth(3)).toHaveText("3");
  }
  await expect(page.getByRole("img", { name: /tours de chaque lieu comparés à sa cible/ })).toBeVisible();

  // Why this place: the solver's reason, phrased.
  const url = new URL(page.url());
  const id = url.pathname.split("/").pop() ?? "";
  const rotation = (await (await page.request.get(`${API}/rotations/${id}`)).json()) as RotationDto;
  const reason = explainReason(rotation.turns[0].reasons[0] as unknown as TurnReason, "fr");
  await expect(bodyRows(schedule).first()).toContainText(reason);
  await expectAccessible(page, "rotation-calendrier");

  // ---- the coordination gives the first date to another place
  const firstRow = bodyRows(schedule).first();
  const firstHost = await hostText(firstRow);
  const other = names.find((n) => n !== firstHost) ?? "";
  await firstRow.getByRole("button", { name: /^Actions/ }).click();
  await page.getByRole("menuitem", { name: "Confier à…" }).click();
  const pin = page.getByRole("dialog", { name: "Confier le tour à un autre lieu" });
  await pin.getByLabel("Nouveau lieu d'accueil").selectOption({ label: other });
  await expectAccessible(page, "rotation-confier");
  await pin.getByRole("button", { name: "Confier le tour" }).click();
  await expect(pin).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `est confié à ${other}` })).toBeVisible();
  await expect(hostOf(firstRow)).toHaveText(other);
  await expect(firstRow.getByText("Fixé", { exact: true })).toBeVisible();

  // ---- a swap between two dates of different places, accepted
  const rows = bodyRows(schedule);
  let a = -1;
  let b = -1;
  for (let i = 1; i < 12 && b < 0; i++) {
    for (let j = i + 1; j < 12; j++) {
      if ((await hostText(rows.nth(i))) !== (await hostText(rows.nth(j)))) {
        a = i;
        b = j;
        break;
      }
    }
  }
  expect(b, "two dates with different hosts").toBeGreaterThan(0);
  const hostA = await hostText(rows.nth(a));
  const hostB = await hostText(rows.nth(b));
  const turnB = rotation.turns[b];

  await rows
    .nth(a)
    .getByRole("button", { name: /^Actions/ })
    .click();
  await page.getByRole("menuitem", { name: "Proposer un échange" }).click();
  const swap = page.getByRole("dialog", { name: "Proposer un échange" });
  await swap.getByLabel("Échanger avec").selectOption(turnB.id);
  await swap.getByLabel("Message (facultatif)").fill("Nos locaux sont en travaux ce mois-là.");
  await swap.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(swap).toBeHidden();

  const request = page.getByRole("article").filter({ hasText: `${hostA} propose d'échanger son tour` });
  await expect(request).toContainText(`celui de ${hostB}`);
  await expect(request).toContainText("Nos locaux sont en travaux ce mois-là.");
  await expect(rows.nth(a)).toContainText("Échange en attente");
  await expectAccessible(page, "rotation-echange-en-attente");
  await request.getByRole("button", { name: "Accepter l'échange" }).click();
  await expect(page.getByText("Échange accepté : les deux lieux ont échangé leurs dates.")).toBeVisible();
  await expect(hostOf(rows.nth(a))).toHaveText(hostB);
  await expect(hostOf(rows.nth(b))).toHaveText(hostA);
  const history = page.getByRole("table", { name: "Historique des échanges" });
  await expect(history).toContainText("Accepté");
  await expect(page.getByText("Aucune demande d'échange en attente.")).toBeVisible();
  await expectAccessible(page, "rotation-echange-accepte");

  // ---- the list shows it, with its next turn; the form reopens filled in
  await page.getByRole("link", { name: "Toutes les rotations" }).click();
  const list = page.getByRole("table", { name: /rotation/ });
  const line = list.locator("tbody tr").filter({ hasText: NAME });
  await expect(line).toContainText("4 lieux");
  await expect(line).toContainText("2e jeudi");
  await expectAccessible(page, "rotations-liste");
  await line.getByRole("link", { name: NAME }).click();
  await page.getByRole("link", { name: "Modifier" }).click();
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue(NAME);
  await expect(page.getByRole("group", { name: "Lieu d'accueil 4" }).getByLabel("Structure")).toHaveValue(
    places[3].organizationId,
  );
  await expectAccessible(page, "rotation-modifier");

  // ---- and in English
  await page.getByRole("button", { name: "Annuler" }).click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Fairness" })).toBeVisible();
  await expect(page.getByRole("table", { name: /12 dates of “Café des lieux”/ })).toBeVisible();
  await expectAccessible(page, "rotation-en");
  await page.getByRole("button", { name: "Français" }).click();
});

test("a schedule that cannot be made names what blocks it, and a host withdraws from one date", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.coordinator);
  const [a, b, c] = await hosts(page);
  const summer = (organizationId: string) => ({
    organizationId,
    from: "2032-07-15",
    to: "2032-08-31",
    label: "fermeture estivale",
  });
  const fields = {
    name: "Permanence des communs",
    description: "",
    start: "2032-01-07T18:00",
    end: "2032-01-07T20:00",
    recurrence: { frequency: "monthly_date", interval: 1, count: 12 },
    hosts: [
      { organizationId: a.organizationId, placeId: a.id, weight: 2, pastTurns: 1 },
      { organizationId: b.organizationId, placeId: b.id, weight: 1, pastTurns: 0 },
      { organizationId: c.organizationId, placeId: c.id, weight: 1, pastTurns: 0 },
    ],
    weighting: "weighted",
    minGapDays: 0,
    stepFree: false,
    // Everybody is closed on 7 August 2032.
    unavailable: [summer(a.organizationId), summer(b.organizationId), summer(c.organizationId)],
    audiences: ["professionals"],
    visibility: "consortium",
  };
  const created = await page.request.post(`${API}/rotations`, { data: fields });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as RotationDto;

  // The form shows the weights, the past turns and the closures.
  await page.goto(`/c/demo/rotations/${id}/modifier`);
  await expect(page.getByRole("radio", { name: /Selon un poids/ })).toBeChecked();
  await expect(page.getByRole("group", { name: "Lieu d'accueil 1" }).getByLabel("Poids")).toHaveValue("2");
  await expect(page.getByRole("group", { name: "Lieu d'accueil 1" }).getByLabel("Tours déjà accueillis")).toHaveValue("1");
  await expect(page.getByRole("group", { name: "Indisponibilité 3" }).getByLabel("Motif")).toHaveValue("fermeture estivale");
  await expectAccessible(page, "rotation-modifier-ponderee");
  await page.getByRole("button", { name: "Annuler" }).click();

  // Generating says which constraint blocks, in the server's words.
  const refused = await page.request.post(`${API}/rotations/${id}/generate`, { data: {} });
  expect(refused.status()).toBe(409);
  const { message } = (await refused.json()) as { message: string };
  await page.getByRole("button", { name: "Générer le calendrier" }).click();
  const blocked = page.getByRole("alert").filter({ hasText: "Le calendrier ne peut pas être généré" });
  await expect(blocked).toContainText(message);
  await expect(page.getByText("Le calendrier n'a pas encore été généré.")).toBeVisible();
  await expectAccessible(page, "rotation-impossible");

  // Once one place opens in August, every date has a host.
  const fixed = await page.request.put(`${API}/rotations/${id}`, {
    data: { ...fields, unavailable: fields.unavailable.slice(1) },
  });
  expect(fixed.status(), await fixed.text()).toBe(200);
  await page.reload();
  await page.getByRole("button", { name: "Générer le calendrier" }).click();
  const schedule = page.getByRole("table", { name: /12 dates de « Permanence des communs »/ });
  await expect(bodyRows(schedule)).toHaveCount(12);
  await expect(hostOf(bodyRows(schedule).nth(7))).toHaveText(a.organizationName);
  await expect(page.getByRole("columnheader", { name: "Poids (part)" })).toBeVisible();

  // The host of the first date withdraws: that date only goes to another place.
  const first = bodyRows(schedule).first();
  const before = await hostText(first);
  await first.getByRole("button", { name: /^Actions/ }).click();
  await page.getByRole("menuitem", { name: "Se désister" }).click();
  const dialog = page.getByRole("dialog", { name: "Se désister" });
  await dialog.getByRole("button", { name: "Confirmer le désistement" }).click();
  await expect(dialog.getByText("Ce champ est obligatoire")).toBeVisible();
  await dialog.getByLabel("Raison").fill("Travaux dans la salle ce soir-là.");
  await expectAccessible(page, "rotation-desistement");
  await dialog.getByRole("button", { name: "Confirmer le désistement" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Désistement enregistré" })).toBeVisible();
  await expect(hostOf(first)).not.toHaveText(before);

  // A requirement no room meets: the places are listed with why they take no turn.
  const strict = await page.request.put(`${API}/rotations/${id}`, {
    data: { ...fields, unavailable: fields.unavailable.slice(1), minCapacity: 5000, stepFree: true },
  });
  expect(strict.status(), await strict.text()).toBe(200);
  await page.reload();
  const ineligible = page.getByRole("alert").filter({ hasText: "Lieux qui ne prennent pas de tour" });
  await expect(ineligible.getByRole("listitem")).toHaveCount(3);
  await expect(ineligible).toContainText(a.organizationName);
  await expect(page.getByText("salle d'au moins 5000 places")).toBeVisible();
  await expectAccessible(page, "rotation-lieux-ineligibles");
});

test("a person hosts beside two places, two places wish for one date, and a date is cancelled then restored", async ({
  page,
}) => {
  test.slow();
  await signIn(page, DEMO.coordinator);
  const [a, b] = await hosts(page);
  // Someone of the directory who works today for a member organisation with a place.
  const places = (await (await page.request.get(`${API}/places`)).json()) as Place[];
  const people = (
    (await (await page.request.get(`${API}/people?pageSize=100`)).json()) as {
      items: Array<{
        id: string;
        firstName: string;
        lastName: string;
        roles: Array<{ organizationId: string; organizationName: string; until: string | null }>;
      }>;
    }
  ).items;
  const person = people.find((p) =>
    p.roles.some(
      (r) =>
        r.until === null &&
        r.organizationId !== a.organizationId &&
        r.organizationId !== b.organizationId &&
        places.some((x) => x.organizationId === r.organizationId),
    ),
  );
  if (!person) throw new Error("no person to host");
  const name = "Atelier des communs";
  // Second Thursdays of the first half of 2033, far from the other journeys' dates.
  const days = ["2033-01-13", "2033-02-10", "2033-03-10", "2033-04-14", "2033-05-12", "2033-06-09"];

  await page.goto("/c/demo/rotations/nouvelle");
  await page.getByLabel("Nom", { exact: true }).fill(name);
  await page.getByLabel("Première date").fill(days[0]);
  await page.getByLabel("Heure de début").fill("14:00");
  await page.getByLabel("Heure de fin").fill("16:00");
  await page.getByLabel("Répétition", { exact: true }).selectOption("monthly_weekday");
  await page.getByLabel("Nombre d'occurrences").fill("6");
  for (const [i, place] of [a, b].entries()) {
    const row = page.getByRole("group", { name: `Lieu d'accueil ${i + 1}` });
    await row.getByLabel("Structure").selectOption({ label: place.organizationName });
    await row.getByLabel("Lieu", { exact: true }).selectOption(place.id);
  }
  // The third host is a person: their organisation and its place come with them.
  await page.getByRole("button", { name: "Ajouter un lieu d'accueil" }).click();
  const third = page.getByRole("group", { name: "Lieu d'accueil 3" });
  await third.getByRole("radio", { name: "Une personne" }).check();
  await third.getByLabel("Personne", { exact: true }).selectOption(person.id);
  await expect(third.getByLabel("Structure pour laquelle elle accueille")).not.toHaveValue("");
  const place = third.getByLabel("Lieu", { exact: true });
  if ((await place.inputValue()) === "") await place.selectOption({ index: 1 });
  // Both places ask for the third date: one of them cannot have it.
  for (const n of [1, 2]) {
    const row = page.getByRole("group", { name: `Lieu d'accueil ${n}` });
    await row.getByRole("button", { name: /Ajouter un vœu de date/ }).click();
    const wish = row.getByRole("group", { name: "Vœu 1" });
    await expect(wish.getByLabel("Date")).toContainText("Jeudi 10 mars 2033");
    await wish.getByLabel("Date").selectOption(days[2]);
    await wish.getByLabel("Vœu", { exact: true }).selectOption("prefers");
  }
  await expectAccessible(page, "rotation-formulaire-personne-voeu");
  await page.getByRole("button", { name: "Créer la rotation" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: "Générer le calendrier" }).click();
  const schedule = page.getByRole("table", { name: /6 dates de « Atelier des communs »/ });
  await expect(bodyRows(schedule)).toHaveCount(6);
  const personHost = `${person.firstName} ${person.lastName} (`;
  await expect(schedule.getByText(personHost).first()).toBeVisible();
  const fairness = page.getByRole("table", { name: "Tours par lieu d'accueil, comparés à leur part" });
  await expect(fairness.getByText(personHost)).toBeVisible();
  // Two dates each; the third date goes to one of the places that asked for it, and the row says whose wish
  // could not be kept, and why.
  const wished = bodyRows(schedule).nth(2);
  const winner = await hostText(wished);
  expect([a.organizationName, b.organizationName]).toContain(winner);
  const loser = winner === a.organizationName ? b.organizationName : a.organizationName;
  await expect(wished).toContainText("Ce lieu avait demandé cette date.");
  await expect(wished).toContainText(`${loser} avait demandé cette date, mais`);
  await expect(wished.getByText("Vœu non exaucé", { exact: true })).toBeVisible();

  // ---- the coordination cancels the second date, after confirming with a reason
  const second = bodyRows(schedule).nth(1);
  await second.getByRole("button", { name: /^Actions/ }).click();
  await page.getByRole("menuitem", { name: "Annuler cette date" }).click();
  const cancel = page.getByRole("dialog", { name: "Annuler une date" });
  await cancel.getByRole("button", { name: "Annuler la date" }).click();
  await expect(cancel.getByText("Ce champ est obligatoire")).toBeVisible();
  await cancel.getByLabel("Raison").fill("Grève des transports ce jour-là.");
  await expectAccessible(page, "rotation-annuler-date");
  await cancel.getByRole("button", { name: "Annuler la date" }).click();
  await expect(cancel).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "La date du jeudi 10 février 2033 est annulée." })).toBeVisible();
  await expect(second.getByText("Annulée", { exact: true })).toBeVisible();
  await expect(second).toContainText("Date annulée par la coordination : « Grève des transports ce jour-là. ».");
  await expect(second.locator("th p").first()).toHaveCSS("text-decoration-line", "line-through");
  // Five dates left to share.
  let total = 0;
  for (let i = 0; i < 3; i++) total += Number(await bodyRows(fairness).nth(i).locator("td").nth(2).textContent());
  expect(total).toBe(5);
  await expectAccessible(page, "rotation-date-annulee");

  // ---- and restores it
  await second.getByRole("button", { name: /^Actions/ }).click();
  await page.getByRole("menuitem", { name: "Rétablir la date" }).click();
  const restore = page.getByRole("dialog", { name: "Rétablir une date" });
  await restore.getByRole("button", { name: "Rétablir la date" }).click();
  await expect(restore).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "est rétablie" })).toBeVisible();
  await expect(second.getByText("Prévu", { exact: true })).toBeVisible();
  await expectAccessible(page, "rotation-date-retablie");

  // ---- the form reopens with the person and the wish
  await page.getByRole("link", { name: "Modifier" }).click();
  const again = page.getByRole("group", { name: "Lieu d'accueil 3" });
  await expect(again.getByRole("radio", { name: "Une personne" })).toBeChecked();
  await expect(again.getByLabel("Personne", { exact: true })).toHaveValue(person.id);
  await expect(
    page.getByRole("group", { name: "Lieu d'accueil 1" }).getByRole("group", { name: "Vœu 1" }).getByLabel("Date"),
  ).toHaveValue(days[2]);
  await expectAccessible(page, "rotation-modifier-personne-voeux");
});
