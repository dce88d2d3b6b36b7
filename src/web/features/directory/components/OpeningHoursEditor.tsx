import { Button, Fieldset, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../lib/forms.ts";
import { WEEKDAYS } from "../../../lib/labels.ts";

export interface Slot {
  day: number;
  opens: string;
  closes: string;
}

interface Props {
  value: Slot[];
  onChange: (slots: Slot[]) => void;
  errors: FieldErrors;
}

/** One group per weekday, each with its own time slots. Errors are keyed "openingHours.<index>.<field>". */
export function OpeningHoursEditor({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<Slot>) => onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const add = (day: number) => onChange([...value, { day, opens: "09:00", closes: "18:00" }]);

  return (
    <Fieldset legend={t("places.fields.openingHours")}>
      <Stack gap="xs">
        {WEEKDAYS.map((day) => {
          const slots = value.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.day === day);
          const dayName = t(`weekdays.${day}`);
          return (
            <Group key={day} align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={dayName}>
              <Text fw={600} w={90} pb={6}>
                {dayName}
              </Text>
              {slots.length === 0 ? (
                <Text pb={6} size="sm">
                  {t("places.hours.closed")}
                </Text>
              ) : null}
              {slots.map(({ slot, index }) => (
                <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    type="time"
                    label={t("places.hours.opens")}
                    value={slot.opens}
                    onChange={(e) => update(index, { opens: e.currentTarget.value })}
                    error={errors[`openingHours.${index}.opens`]}
                    size="xs"
                  />
                  <TextInput
                    type="time"
                    label={t("places.hours.closes")}
                    value={slot.closes}
                    onChange={(e) => update(index, { closes: e.currentTarget.value })}
                    error={errors[`openingHours.${index}.closes`] ?? errors[`openingHours.${index}`]}
                    size="xs"
                  />
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => remove(index)}
                    aria-label={t("places.hours.removeSlot", { day: dayName, opens: slot.opens, closes: slot.closes })}
                  >
                    {t("places.hours.remove")}
                  </Button>
                </Group>
              ))}
              <Button
                variant="subtle"
                size="xs"
                onClick={() => add(day)}
                aria-label={t("places.hours.addSlotFor", { day: dayName })}
              >
                {t("places.hours.addSlot")}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
