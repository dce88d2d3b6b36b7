import type { Page } from "@playwright/test";
import type { TourDto, TourListDto } from "../../src/shared/contracts/tours.ts";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// The tour of these journeys is organised in the year named by the demo's yearly rotation after the seeded tour,
// far from the rest of the demo's programme.

const API = "/api/consortia/demo";

interface Place {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  latitude: number | null;
}

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.ok(), url).toBe(true);
  return (await res.json()) as T;
}

test("an organiser composes the yearly tour and sees the ordered route on the map", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.coordinator);

  // ---- the list: the demo's tour, organised by the place the rotation named
  await page.goto("/c/demo");
  await page.getByRole("navigation", { name: "Navigation du consortium" }).getByRole("link", { name: "Tournées" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tournées apprenantes" })).toBeVisible();
  await expect(page.getByText(/désigné par « Organisation de la tournée apprenante »/)).toBeVisible();
  await expectAccessible(page, "tournees-liste");

  // ---- a new tour: the organiser is the host of the rotation's next free turn
  const list = await json<TourListDto>(page, `${API}/tours`);
  const candidate = list.candidates.find((c) => c.rotationName === "Organisation de la tournée apprenante");
  expect(candidate, "a coming turn of the yearly rotation").toBeTruthy();
  if (!candidate) return;
  await page.getByRole("link", { name: "Nouvelle tournée" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle tournée" })).toBeVisible();
  await page.getByRole("button", { name: "Créer la tournée" }).click();
  await expect(page.getByText("Ce champ est obligatoire").first()).toBeVisible();
  await expect(page.getByText("Choisissez le tour de rotation qui désigne l'organisateur")).toBeVisible();
  await expectAccessible(page, "tournee-nouvelle");
  await page.getByLabel("Nom de la tournée").fill("Tournée des partenaires");
  await page.getByLabel("Tour de rotation").selectOption(candidate.turnId);
  await page.getByLabel("Nombre de places").fill("1");
  await page.getByRole("radio", { name: /^Public/ }).check();
  await page.getByRole("button", { name: "Créer la tournée" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tournée des partenaires" })).toBeVisible();
  await expect(page.getByText(`Organisée par ${candidate.organizerName}, désigné par la rotation`)).toBeVisible();
  const tourId = page.url().split("/").at(-1) as string;

  // ---- composing the day: three visits entered in any order, one with a morning slot
  const tour = await json<TourDto>(page, `${API}/tours/${tourId}`);
  const places = (await json<Place[]>(page, `${API}/places`)).filter(
    (p) => p.organizationId !== tour.organizerId && p.latitude !== null,
  );
  const chosen = places.slice(0, 3);
  await page.getByRole("button", { name: "Modifier la journée" }).click();
  for (let i = 0; i < chosen.length; i++) {
    if (i > 0) await page.getByRole("button", { name: "Ajouter une visite" }).click();
    const stop = page.getByRole("group", { name: `Visite ${i + 1}` });
    await stop.getByLabel("Lieu visité").selectOption(chosen[i].id);
    await stop.getByLabel("Durée de la visite (minutes)").fill(String(45 + 15 * i));
  }
  const last = page.getByRole("group", { name: "Visite 3" });
  await last.getByRole("button", { name: "Ajouter un créneau" }).click();
  await last.getByLabel("Créneau 1 : de").fill("09:00");
  await last.getByLabel("Créneau 1 : à").fill("11:00");
  await expectAccessible(page, "tournee-journee-edition");
  await page.getByRole("button", { name: "Enregistrer et recalculer l'itinéraire" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  // ---- the timed route: the morning slot is kept, and the map draws start, three numbered stops and the return
  const table = page.getByRole("table", { name: "Itinéraire minuté" });
  await expect(table).toBeVisible();
  await expect(page.getByText("Ordre optimal")).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(5);
  const planned = await json<TourDto>(page, `${API}/tours/${tourId}`);
  const plan = planned.days[0].plan;
  expect(plan?.ok).toBe(true);
  if (plan?.ok) {
    const slot = plan.legs.find((l) => l.id === chosen[2].id);
    expect(slot && slot.visitStart >= 9 * 60 && slot.departure <= 11 * 60).toBe(true);
    await expect(table.locator("tbody tr").nth(1)).toContainText(`1. ${plan.legs[0].label}`);
  }
  const map = page.getByRole("region", { name: /Carte de l'itinéraire/ });
  // A round trip: the start (which is also the end) and three numbered stops.
  await expect(map.locator(".leaflet-marker-icon")).toHaveCount(4);
  await expect(map.getByRole("img", { name: new RegExp(`^1\\. ${plan?.ok ? plan.legs[0].label : ""}`) })).toBeAttached();
  await expect(map.locator("path.leaflet-interactive")).toHaveCount(1);
  await expectAccessible(page, "tournee-itineraire");

  // ---- a travel time the organiser knows better changes the timing
  await page.getByRole("button", { name: "Corriger les temps de trajet" }).click();
  const start = planned.days[0].start.label;
  await page.getByLabel(`Minutes de ${start} à ${chosen[0].name}`).fill("95");
  await expectAccessible(page, "tournee-temps-de-trajet");
  await page.getByRole("button", { name: "Enregistrer et recalculer" }).click();
  await expect(page.getByText(/1 temps corrigé par l'organisateur/)).toBeVisible();
  const corrected = await json<TourDto>(page, `${API}/tours/${tourId}`);
  const after = corrected.days[0].plan;
  expect(after?.ok && plan?.ok && after.totalTravel >= plan.totalTravel).toBe(true);
});

test("a guest signs up on the public page, the next one waits, and a cancellation gives the seat away", async ({
  page,
  browser,
}) => {
  test.slow();
  await signIn(page, DEMO.coordinator);
  const tour = (await json<TourListDto>(page, `${API}/tours`)).items.find((t) => t.name === "Tournée des partenaires");
  expect(tour, "the tour of the first journey").toBeTruthy();
  const detail = await json<TourDto>(page, `${API}/tours/${tour?.id}`);
  expect(detail.publicPath).not.toBeNull();

  // ---- as a guest, without an account
  const guest = await browser.newContext();
  const anonymous = await guest.newPage();
  const base = new URL(page.url()).origin;
  await anonymous.goto(`${base}${detail.publicPath}`);
  await expect(anonymous.getByRole("heading", { level: 1, name: "Tournée des partenaires" })).toBeVisible();
  await expect(anonymous.getByRole("table", { name: "Itinéraire minuté" })).toBeVisible();
  await expect(anonymous.getByText("Il reste 1 place.")).toBeVisible();
  await anonymous.getByRole("button", { name: "M'inscrire" }).click();
  await expect(anonymous.getByText("Votre accord est nécessaire pour vous inscrire")).toBeVisible();
  await expectAccessible(anonymous, "tournee-publique");
  await anonymous.getByLabel("Nom et prénom").fill("Sylvain Maire");
  await anonymous.getByLabel("Courriel").fill("sylvain.maire@commune.example");
  await anonymous.getByLabel("Vous venez en tant que").selectOption("elected");
  await anonymous.getByLabel(/J'accepte/).check();
  await anonymous.getByRole("button", { name: "M'inscrire" }).click();
  await expect(anonymous.getByText("Inscription confirmée")).toBeVisible();

  // The tour is now full: the next guest joins the waiting line.
  await anonymous.reload();
  await expect(anonymous.getByText(/La tournée est complète/)).toBeVisible();
  await anonymous.getByLabel("Nom et prénom").fill("Léa Journaliste");
  await anonymous.getByLabel("Courriel").fill("lea@journal.example");
  await anonymous.getByLabel("Vous venez en tant que").selectOption("media");
  await anonymous.getByLabel(/J'accepte/).check();
  await anonymous.getByRole("button", { name: "M'inscrire sur la liste d'attente" }).click();
  await expect(anonymous.getByText("Vous êtes sur la liste d'attente")).toBeVisible();
  await expect(anonymous.getByText(/Vous êtes en position 1/)).toBeVisible();
  await expectAccessible(anonymous, "tournee-publique-attente");

  // ---- the first guest cancels with the link of their e-mail
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await adminPage.goto(base);
  await signIn(adminPage, DEMO.admin);
  const outbox = (await (await adminPage.request.get(`${base}/api/admin/outbox`)).json()) as Array<{ to: string; text: string }>;
  const mail = outbox.find((m) => m.to === "sylvain.maire@commune.example");
  const link = /(\/tournees\/annulation\/[\w-]+)/.exec(mail?.text ?? "")?.[1];
  expect(link, "the cancellation link of the confirmation e-mail").toBeTruthy();
  await anonymous.goto(`${base}${link}`);
  await expect(anonymous.getByRole("heading", { level: 1, name: "Annuler mon inscription" })).toBeVisible();
  await expectAccessible(anonymous, "tournee-annulation");
  await anonymous.getByRole("button", { name: "Annuler mon inscription" }).click();
  await expect(anonymous.getByText("Inscription annulée")).toBeVisible();

  // ---- the organiser's list: the waiting guest took the seat
  await page.goto(`/c/demo/tournees/${tour?.id}`);
  const guests = page.getByRole("table", { name: /inscription/ });
  await expect(guests.getByRole("row", { name: /Léa Journaliste/ })).toContainText("Inscrit");
  await expect(guests.getByRole("row", { name: /Sylvain Maire/ })).toContainText("Annulé");
  await expectAccessible(page, "tournee-invites");
  await guest.close();
  await admin.close();
});
