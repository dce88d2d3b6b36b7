import { Anchor, Box, Container, Group } from "@mantine/core";
import { Suspense } from "react";
import { Link, Outlet } from "react-router";
import { LanguageSwitch } from "../../components/ui/LanguageSwitch.tsx";
import { Loading } from "../../components/ui/Loading.tsx";
import { SkipLink } from "../../components/ui/SkipLink.tsx";

/** Sign-in, sign-up, password and invitation pages: no navigation, one narrow column. */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <Box component="header" px="md" py="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Group justify="space-between">
          <Anchor component={Link} to="/" fw={700} fz="lg" c="indigo.9" underline="never">
            Maillage
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={520} py="xl">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
