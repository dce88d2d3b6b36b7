import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useFormState } from "../../../lib/forms.ts";
import { safeNext, withNext } from "../../../lib/navigation.ts";
import { useSignIn } from "../api/session.ts";
import { EmailField, looksLikeEmail } from "./EmailField.tsx";

export function SignInForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const form = useFormState({ email: "", password: "" });
  const signIn = useSignIn();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!looksLikeEmail(form.values.email)) errors.email = t("auth.errors.email");
    if (!form.values.password) errors.password = t("auth.errors.passwordRequired");
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    form.setFormError(null);
    signIn.mutate(
      { email: form.values.email.trim().toLowerCase(), password: form.values.password },
      { onSuccess: () => navigate(next, { replace: true }), onError: (e) => form.setFormError(e) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("auth.signIn.title")}>
      <Stack gap="md">
        {params.get("reset") === "ok" ? (
          <Alert color="indigo" variant="outline">
            {t("auth.reset.done")}
          </Alert>
        ) : null}
        <ErrorAlert error={form.formError} />
        <EmailField value={form.values.email} onChange={(value) => form.set("email", value)} error={form.errors.email} />
        <PasswordInput
          label={t("auth.fields.password")}
          autoComplete="current-password"
          required
          value={form.values.password}
          onChange={(e) => form.set("password", e.currentTarget.value)}
          error={form.errors.password}
        />
        <Button type="submit" loading={signIn.isPending} disabled={signIn.isPending}>
          {t("auth.signIn.submit")}
        </Button>
        <Anchor component={Link} to="/mot-de-passe-oublie" size="sm">
          {t("auth.signIn.forgot")}
        </Anchor>
        <Text size="sm">
          {t("auth.signIn.noAccount")}{" "}
          <Anchor component={Link} to={params.get("next") ? withNext("/inscription", next) : "/inscription"}>
            {t("auth.signIn.toSignUp")}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
