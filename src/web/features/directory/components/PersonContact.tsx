import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PersonDto } from "../../../../shared/contracts/directory.ts";

export function PersonContact({ person }: { person: PersonDto }) {
  const { t } = useTranslation();
  if (person.contactHidden)
    return (
      <Text size="sm" fs="italic">
        {t("people.contactHidden")}
      </Text>
    );
  if (!person.email && !person.phone) return <Text size="sm">{t("common.notProvided")}</Text>;
  return (
    <Stack gap={0}>
      {person.email ? (
        <Anchor href={`mailto:${person.email}`} size="sm">
          {person.email}
        </Anchor>
      ) : null}
      {person.phone ? (
        <Anchor href={`tel:${person.phone.replace(/\s/g, "")}`} size="sm">
          {person.phone}
        </Anchor>
      ) : null}
    </Stack>
  );
}
