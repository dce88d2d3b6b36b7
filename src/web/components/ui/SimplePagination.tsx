import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function SimplePagination({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("common.pagination")}>
      <Group gap="sm" justify="center">
        <Button variant="default" size="sm" disabled={page <= 1} onClick={() => onChange(page - 1)}>
          {t("common.previous")}
        </Button>
        <Text aria-live="polite">{t("common.pageOf", { page, pages })}</Text>
        <Button variant="default" size="sm" disabled={page >= pages} onClick={() => onChange(page + 1)}>
          {t("common.next")}
        </Button>
      </Group>
    </nav>
  );
}
