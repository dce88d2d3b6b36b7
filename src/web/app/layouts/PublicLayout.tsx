import { Container } from "@mantine/core";
import { Suspense } from "react";
import { Outlet } from "react-router";
import { Loading } from "../../components/ui/Loading.tsx";
import { PublicHeader } from "../../components/ui/PublicHeader.tsx";

/** Sign-in, sign-up, password and invitation pages: no navigation, one narrow column. */
export function PublicLayout() {
  return (
    <>
      <PublicHeader />
      <Container component="main" id="main" tabIndex={-1} size={520} py="xl">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
