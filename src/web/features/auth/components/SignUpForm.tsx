import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { LIMITS } from "../../../../shared/limits.ts";
import { ErrorAlert } from "../../../components/ui/ErrorAlert.tsx";
import { useFormState } from "../../../lib/forms.ts";
import { safeNext, withNext } from "../../../lib/navigation.ts";
import { useSignUp } from "../api/session.ts";
import { EmailField, looksLikeEmail } from "./EmailField.tsx";

export function SignUpForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const form = useFormState({ name: "", email: "", password: "" });
  const signUp = useSignUp();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.values.name.trim()) errors.name = t("auth.errors.nameRequired");
    if (!looksLikeEmail(form.values.email)) errors.email = t("auth.errors.email");
    if (form.values.password.length < LIMITS.password.min)
      errors.password = t("auth.errors.passwordLength", { min: LIMITS.password.min });
    if (form.values.password.length > LIMITS.password.max)
      errors.password = t("auth.errors.passwordTooLong", { max: LIMITS.password.max });
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    form.setFormError(null);
    signUp.mutate(
      { name: form.values.name.trim(), email: form.values.email.trim().toLowerCase(), password: form.values.password },
      { onSuccess: () => navigate(next, { replace: true }), onError: (e) => form.handleError(e, ["name", "email", "password"]) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("auth.signUp.title")}>
      <Stack gap="md">
        <ErrorAlert error={form.formError} />
        <TextInput
          label={t("auth.fields.name")}
          autoComplete="name"
          required
          value={form.values.name}
          onChange={(e) => form.set("name", e.currentTarget.value)}
          error={form.errors.name}
        />
        <EmailField value={form.values.email} onChange={(value) => form.set("email", value)} error={form.errors.email} />
        <PasswordInput
          label={t("auth.fields.password")}
          description={t("auth.fields.passwordHint", { min: LIMITS.password.min })}
          autoComplete="new-password"
          required
          value={form.values.password}
          onChange={(e) => form.set("password", e.currentTarget.value)}
          error={form.errors.password}
        />
        <Button type="submit" loading={signUp.isPending} disabled={signUp.isPending}>
          {t("auth.signUp.submit")}
        </Button>
        <Text size="sm">
          {t("auth.signUp.haveAccount")}{" "}
          <Anchor component={Link} to={params.get("next") ? withNext("/connexion", next) : "/connexion"}>
            {t("auth.signUp.toSignIn")}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
