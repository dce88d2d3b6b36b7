import { type CSSVariablesResolver, MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { queryClient } from "../lib/query-client.ts";
import { themeFor } from "./theme.ts";

// Darker secondary and error text than Mantine's defaults, for a 4.5:1 contrast on white.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#495057", "--mantine-color-error": "#c92a2a", "--mantine-color-placeholder": "#6b7280" },
  dark: {},
});

export function Providers({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t("common.close");
  const theme = useMemo(() => themeFor(closeLabel), [closeLabel]);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={resolver}>
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
