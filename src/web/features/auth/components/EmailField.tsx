import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The loose check the auth forms make before sending an address; the server has the last word. */
export const looksLikeEmail = (value: string) => /^\S+@\S+\.\S+$/.test(value.trim());

/** The required account e-mail input of the sign-in, sign-up and forgotten-password forms. */
export function EmailField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("auth.fields.email")}
      type="email"
      autoComplete="email"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
