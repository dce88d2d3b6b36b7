import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures.ts";

// A steering committee meeting of March 2027 in the demo (its members sit until February 2028): convened, its order of the day, attendance with a proxy, the
// quorum counted as the sheet fills, and its minutes approved and downloaded.

test("a coordinator holds a steering committee: order of the day, attendance and proxy, quorum, minutes", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.coordinator);
  await page.goto("/c/demo/gouvernance/reunions");
  await expect(page.getByRole("heading", { level: 1, name: "Réunions" })).toBeVisible();
  await page.getByRole("button", { name: "Convoquer une réunion" }).click();
  await page.getByRole("button", { name: "Convoquer", exact: true }).click();
  await expect(page.getByText("Ce champ est obligatoire").first()).toBeVisible();
  await expectAccessible(page, "reunion-convocation");

  await page.getByLabel("Instance").selectOption({ label: "Comité de pilotage" });
  await page.getByLabel("Titre").fill("Comité de pilotage de mars");
  await page.getByLabel("Début").fill("2027-03-18T18:00");
  await page.getByLabel("Lieu").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Convoquer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Comité de pilotage de mars" })).toBeVisible();
  await expect(page.getByText(/Comité de pilotage · jeudi 18 mars 2027, 18:00 – 20:00/)).toBeVisible();

  // ---- the order of the day, its first point naming a proposal of the committee (tabled through the API)
  const api = "/api/consortia/demo/governance/proposals";
  const steering = ((await (await page.request.get(api)).json()) as { bodies: Array<{ id: string; name: string }> }).bodies.find(
    (b) => b.name === "Comité de pilotage",
  );
  const tabled = await page.request.post(api, {
    data: {
      bodyId: steering?.id,
      title: "Budget 2033 du réseau",
      text: "Adopter le budget 2033.",
      method: "majority",
      rule: { threshold: "simple", base: "cast", abstentions: "excluded" },
    },
  });
  expect(tabled.status()).toBe(201);
  const proposalId = ((await tabled.json()) as { id: string }).id;
  await page.reload();
  await page.getByRole("button", { name: "Ajouter un point" }).click();
  await page.getByLabel("Point 1").fill("Budget 2033");
  await page.getByLabel("Proposition liée").first().selectOption({ label: "Budget 2033 du réseau" });
  await page.getByRole("button", { name: "Ajouter un point" }).click();
  await page.getByLabel("Point 2").fill("Tournée apprenante : choix des lieux");
  await page.getByRole("button", { name: "Enregistrer l'ordre du jour" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  // ---- attendance: nobody yet, then three present and one proxy
  const sheet = page.getByRole("table", { name: "Présences et pouvoirs" });
  await expect(page.getByText(/^Quorum non atteint : 0 présent ou représenté sur 6 membres/)).toBeVisible();
  const rows = sheet.locator("tbody tr");
  await expect(rows).toHaveCount(6);
  for (const i of [0, 1]) await rows.nth(i).getByText("Présent·e", { exact: true }).click();
  await rows.nth(2).getByText("Excusé·e", { exact: true }).click();
  const holder = ((await rows.nth(0).locator("th").textContent()) ?? "").trim();
  await rows.nth(2).getByRole("combobox").selectOption({ label: holder });
  await page.getByRole("button", { name: "Enregistrer les présences" }).click();
  await expect(page.getByText(/^Quorum atteint : 3 présents ou représentés sur 6 membres/)).toBeVisible();
  await expect(rows.nth(2)).toContainText(`Représenté·e par ${holder}`);
  await expectAccessible(page, "reunion-presences");

  // ---- the proposal's page shows the meeting, its attendance and its quorum
  const meetingUrl = page.url();
  await page.goto(`/c/demo/gouvernance/propositions/${proposalId}`);
  const agenda = page.getByRole("heading", { name: "À l'ordre du jour" }).locator("..");
  await expect(agenda.getByRole("link", { name: "Comité de pilotage de mars" })).toBeVisible();
  await expect(agenda.getByText("Quorum atteint", { exact: true })).toBeVisible();
  await expect(agenda.getByText("Présents : 2 · représentés : 1 · membres de l'instance : 6")).toBeVisible();
  await expectAccessible(page, "proposition-reunion");
  // The draft is withdrawn again: journeys share one demo.
  expect((await page.request.post(`${api}/${proposalId}/withdraw`, { data: {} })).status()).toBe(200);
  await page.goto(meetingUrl);

  // ---- minutes, approved, then downloaded as a document
  await page.getByLabel("Texte du compte rendu").fill("Le comité adopte le budget 2033.\nLa tournée passera par quatre lieux.");
  await page.getByLabel(/Le compte rendu est approuvé/).check();
  await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
  await expect(page.getByText("Compte rendu approuvé : il ne change plus.")).toBeVisible();
  const link = page.getByRole("link", { name: "Télécharger le compte rendu (.odt)" });
  const file = await page.request.get((await link.getAttribute("href")) as string);
  expect(file.headers()["content-type"]).toBe("application/vnd.oasis.opendocument.text");
  expect((await file.body()).toString("utf8")).toContain("Le comité adopte le budget 2033.");
  await expectAccessible(page, "reunion-compte-rendu");

  // ---- in the list, and in the agenda
  await page.getByRole("link", { name: "Toutes les réunions" }).click();
  await expect(page.getByRole("row", { name: /Comité de pilotage de mars/ })).toContainText("Approuvé");
  await expectAccessible(page, "reunions-liste");
});
