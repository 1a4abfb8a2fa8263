import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../api/client";
import { fieldErrorKey } from "../i18n/lookup";

export type FormErrors = Partial<Record<string, string>>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Plain form state: values, per-field errors, and a setter that clears a field's error as it is edited.
 * Validation comes from the contracts' zod schemas, the same ones the API validates with.
 */
export function useFormState<T extends object>(initial: T) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const setField = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key as string] ? { ...e, [key]: undefined } : e));
  }, []);
  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);
  return { values, errors, setField, setErrors, reset };
}

/** Turns zod issues (client side) and API field errors (server side) into translated field messages. */
export function useFieldErrors() {
  const { t } = useTranslation();
  const translate = (message: string, fallback: string) => {
    const key = fieldErrorKey(message);
    return key ? t(`fieldErrors.${key}`) : fallback;
  };
  return {
    fromIssues(issues: readonly Issue[]): FormErrors {
      const out: FormErrors = {};
      for (const issue of issues) {
        const field = String(issue.path[0] ?? "");
        out[field] ??= translate(issue.message, t("fieldErrors.invalid"));
      }
      return out;
    },
    fromApi(error: unknown): FormErrors {
      const out: FormErrors = {};
      // An unknown server message is still more useful than a generic one.
      for (const [field, message] of Object.entries(fieldErrorsOf(error)))
        out[field] = translate(message, message);
      return out;
    },
  };
}
