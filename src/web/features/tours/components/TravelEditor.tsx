import { Button, Group, NumberInput, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TourDto } from "../../../../shared/contracts/tours.ts";
import { TravelInput } from "../../../../shared/contracts/tours.ts";
import { type ItineraryPoint, travelMinutes } from "../../../../shared/rotations/itinerary.ts";
import { FormActions } from "../../../components/ui/FormActions.tsx";
import { type FieldErrors, validate } from "../../../lib/forms.ts";

/** Every point of the tour once: starts, stops and ends, named by the id the matrix uses. */
export function tourPoints(tour: TourDto): ItineraryPoint[] {
  const seen = new Map<string, ItineraryPoint>();
  const add = (id: string, label: string, lat: number | null, lon: number | null) => {
    if (!seen.has(id)) seen.set(id, { id, label, lat: lat ?? undefined, lon: lon ?? undefined });
  };
  for (const d of tour.days) {
    add(d.start.id, d.start.label, d.start.latitude, d.start.longitude);
    for (const s of d.stops) add(s.placeId, s.placeName, s.latitude, s.longitude);
    if (d.end) add(d.end.id, d.end.label, d.end.latitude, d.end.longitude);
  }
  return [...seen.values()];
}

type Matrix = Record<string, Record<string, number | string>>;

/**
 * How travel times are estimated (straight line × road factor at an average speed) and the times the organiser
 * knows better: a cell left empty keeps the estimate shown in grey.
 */
export function TravelEditor({
  tour,
  pending,
  error,
  serverFields,
  onSubmit,
  onCancel,
}: {
  tour: TourDto;
  pending: boolean;
  error: unknown;
  serverFields: FieldErrors;
  onSubmit: (input: TravelInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [roadFactor, setRoadFactor] = useState<number | string>(tour.travel.roadFactor);
  const [speedKmh, setSpeedKmh] = useState<number | string>(tour.travel.speedKmh);
  const [matrix, setMatrix] = useState<Matrix>(() => structuredClone(tour.travel.matrix));
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = { ...serverFields, ...local };
  const points = useMemo(() => tourPoints(tour), [tour]);
  const settings = {
    roadFactor: typeof roadFactor === "number" && roadFactor >= 1 ? roadFactor : 1.3,
    speedKmh: typeof speedKmh === "number" && speedKmh >= 5 ? speedKmh : 50,
  };
  const estimate = (from: ItineraryPoint, to: ItineraryPoint) => {
    try {
      return String(travelMinutes(from, to, settings));
    } catch {
      return "?";
    }
  };
  const setCell = (from: string, to: string, value: number | string) =>
    setMatrix((m) => {
      const row = { ...(m[from] ?? {}) };
      if (value === "" || value === undefined) delete row[to];
      else row[to] = value;
      return { ...m, [from]: row };
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    const clean: Record<string, Record<string, number>> = {};
    for (const [from, row] of Object.entries(matrix))
      for (const [to, v] of Object.entries(row)) {
        if (v === "") continue;
        clean[from] ??= {};
        clean[from][to] = typeof v === "number" ? v : Number.NaN;
      }
    const input = { roadFactor: Number(roadFactor), speedKmh: Number(speedKmh), matrix: clean };
    const result = validate(TravelInput, input);
    if (!result.ok) {
      setLocal(result.fields);
      return;
    }
    setLocal({});
    onSubmit(input);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={520}>
          <NumberInput
            label={t("tours.travel.roadFactor")}
            description={t("tours.travel.roadFactorHint")}
            decimalSeparator=","
            min={1}
            max={5}
            step={0.1}
            value={roadFactor}
            onChange={setRoadFactor}
            error={errors.roadFactor}
          />
          <NumberInput
            label={t("tours.travel.speed")}
            description={t("tours.travel.speedHint")}
            min={5}
            max={150}
            value={speedKmh}
            onChange={setSpeedKmh}
            error={errors.speedKmh}
          />
        </SimpleGrid>
        {points.length < 2 ? (
          <Text size="sm" c="gray.7">
            {t("tours.travel.noPoints")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={160 + points.length * 110}>
            <Table captionSide="top" verticalSpacing={4} withTableBorder withColumnBorders>
              <Table.Caption>{t("tours.travel.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("tours.travel.fromTo")}</Table.Th>
                  {points.map((p) => (
                    <Table.Th key={p.id} scope="col" fz="xs">
                      {p.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {points.map((from) => (
                  <Table.Tr key={from.id}>
                    <Table.Th scope="row" fz="xs">
                      {from.label}
                    </Table.Th>
                    {points.map((to) =>
                      to.id === from.id ? (
                        <Table.Td key={to.id} bg="gray.1" />
                      ) : (
                        <Table.Td key={to.id}>
                          <NumberInput
                            size="xs"
                            min={0}
                            max={1440}
                            allowDecimal={false}
                            hideControls
                            placeholder={estimate(from, to)}
                            aria-label={t("tours.travel.cell", { from: from.label, to: to.label })}
                            value={matrix[from.id]?.[to.id] ?? ""}
                            onChange={(v) => setCell(from.id, to.id, v)}
                            error={errors[`matrix.${from.id}.${to.id}`] ? true : undefined}
                          />
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setMatrix({})}>
            {t("tours.travel.reset")}
          </Button>
        </Group>
        <FormActions error={error} pending={pending} submitLabel={t("tours.travel.save")} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
