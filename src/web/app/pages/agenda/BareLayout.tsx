import { Suspense } from "react";
import { Outlet } from "react-router";
import { Loading } from "../../../components/ui/Loading.tsx";

/** No app chrome: the public agenda draws its own light header, the embeddable one none at all (iframe). */
export function BareLayout() {
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}
