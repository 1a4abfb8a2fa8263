import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The Orbit mark: a planet with its orbit. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-orbit-7)" />
      <circle cx="16" cy="16" r="5" fill="#fff" />
      <ellipse
        cx="16"
        cy="16"
        rx="11"
        ry="5.5"
        fill="none"
        stroke="#fff"
        strokeWidth="2"
        transform="rotate(-30 16 16)"
      />
    </svg>
  );
}

export function Logo({ withText = true }: { withText?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark />
      {withText && (
        <Text fw={700} fz="lg" lh={1}>
          {t("common.appName")}
        </Text>
      )}
    </Group>
  );
}
