import { type BoxProps, SegmentedControl } from "@mantine/core";
import type { Locale } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { isLocale } from "../i18n";

interface Props extends BoxProps {
  value: Locale;
  onChange: (locale: Locale) => void;
}

export function LanguageSwitch({ value, onChange, ...box }: Props) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      {...box}
      size="xs"
      aria-label={t("language.switchLabel")}
      value={value}
      onChange={(next) => isLocale(next) && onChange(next)}
      data={[
        { value: "ru", label: <span title={t("language.ru")}>{t("language.shortRu")}</span> },
        { value: "en", label: <span title={t("language.en")}>{t("language.shortEn")}</span> },
      ]}
    />
  );
}
