import { useCallback, useState } from "react";
import type { ZodType, z } from "zod";
import { ApiError } from "./api-client.ts";

export type FieldErrors = Record<string, string>;

/** Runs a shared contract schema on the form values; issue paths become dotted keys ("role.organizationId"). */
export function validate<S extends ZodType>(
  schema: S,
  data: unknown,
): { ok: true; data: z.output<S> } | { ok: false; fields: FieldErrors } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, data: result.data as z.output<S> };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}

/** Small form state: values, per-field errors (dotted keys) and a form-level error. */
export function useFormState<T extends Record<string, unknown>>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!((key as string) in e)) return e;
      const { [key as string]: _removed, ...rest } = e;
      return rest;
    });
  }, []);

  /** Shows a failed request: 422 fields on the inputs, everything else in the alert. */
  const handleError = useCallback((error: unknown, knownFields?: string[]) => {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      setErrors(error.fields);
      const unknown = Object.keys(error.fields).filter((k) => knownFields && !knownFields.includes(k));
      if (!knownFields || unknown.length > 0 || error.fields._) setFormError(error);
      else setFormError(null);
      return;
    }
    setFormError(error);
  }, []);

  /** Validates with the schema; on failure sets the field errors and returns null. */
  const check = useCallback(<S extends ZodType>(schema: S, data: unknown): z.output<S> | null => {
    const result = validate(schema, data);
    if (!result.ok) {
      setErrors(result.fields);
      return null;
    }
    setErrors({});
    setFormError(null);
    return result.data;
  }, []);

  return { values, setValues, set, errors, setErrors, formError, setFormError, handleError, check };
}

/** Mantine's `error` prop for a dotted key. */
export function fieldError(errors: FieldErrors, key: string): string | undefined {
  return errors[key];
}

export const emptyToNull = (v: string) => (v.trim() === "" ? null : v);
