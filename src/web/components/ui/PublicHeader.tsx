import { Anchor, Box, Group } from "@mantine/core";
import { Link } from "react-router";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { SkipLink } from "./SkipLink.tsx";

/** The top of every page seen without the consortium's navigation: the skip link, the name home, the language. */
export function PublicHeader({ className }: { className?: string }) {
  return (
    <>
      <SkipLink />
      <Box
        component="header"
        px="md"
        py="sm"
        className={className}
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Group justify="space-between">
          <Anchor component={Link} to="/" fw={700} fz="lg" c="indigo.9" underline="never">
            Maillage
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Box>
    </>
  );
}
