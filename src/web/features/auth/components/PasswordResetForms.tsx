import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { LIMITS } from "../../../../shared/limits.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useFormState } from "../../../lib/forms.ts";
import { useRequestPasswordReset, useResetPassword } from "../api/session.ts";
import { EmailField, looksLikeEmail } from "./EmailField.tsx";

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const form = useFormState({ email: "" });
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!looksLikeEmail(form.values.email)) {
      form.setErrors({ email: t("auth.errors.email") });
      return;
    }
    form.setFormError(null);
    request.mutate(form.values.email.trim().toLowerCase(), {
      onSuccess: () => setSent(true),
      onError: (e) => form.setFormError(e),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("auth.forgot.title")}>
      <Stack gap="md">
        <Text>{t("auth.forgot.intro")}</Text>
        {sent ? (
          <Alert color="indigo" variant="outline" role="status">
            {t("auth.forgot.sent")}
          </Alert>
        ) : null}
        <ErrorAlert error={form.formError} />
        <EmailField value={form.values.email} onChange={(value) => form.set("email", value)} error={form.errors.email} />
        <Button type="submit" loading={request.isPending} disabled={request.isPending}>
          {t("auth.forgot.submit")}
        </Button>
        <Anchor component={Link} to="/connexion" size="sm">
          {t("auth.backToSignIn")}
        </Anchor>
      </Stack>
    </form>
  );
}

export function ResetPasswordForm({ token, invalid }: { token: string | null; invalid: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormState({ password: "", confirm: "" });
  const reset = useResetPassword();

  if (invalid || !token) {
    return (
      <Stack gap="md">
        <Alert color="red" variant="outline" role="alert">
          {t("auth.reset.invalid")}
        </Alert>
        <Anchor component={Link} to="/mot-de-passe-oublie">
          {t("auth.reset.requestAgain")}
        </Anchor>
      </Stack>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (form.values.password.length < LIMITS.password.min)
      errors.password = t("auth.errors.passwordLength", { min: LIMITS.password.min });
    if (form.values.confirm !== form.values.password) errors.confirm = t("auth.errors.passwordMismatch");
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    form.setFormError(null);
    reset.mutate(
      { newPassword: form.values.password, token: token as string },
      { onSuccess: () => navigate("/connexion?reset=ok", { replace: true }), onError: (e) => form.setFormError(e) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("auth.reset.title")}>
      <Stack gap="md">
        <ErrorAlert error={form.formError} />
        <PasswordInput
          label={t("auth.fields.newPassword")}
          description={t("auth.fields.passwordHint", { min: LIMITS.password.min })}
          autoComplete="new-password"
          required
          value={form.values.password}
          onChange={(e) => form.set("password", e.currentTarget.value)}
          error={form.errors.password}
        />
        <PasswordInput
          label={t("auth.fields.confirmPassword")}
          autoComplete="new-password"
          required
          value={form.values.confirm}
          onChange={(e) => form.set("confirm", e.currentTarget.value)}
          error={form.errors.confirm}
        />
        <Button type="submit" loading={reset.isPending} disabled={reset.isPending}>
          {t("auth.reset.submit")}
        </Button>
      </Stack>
    </form>
  );
}
