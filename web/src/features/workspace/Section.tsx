import { Button, Card, Group, Text, ThemeIcon, Title } from "@mantine/core";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  /** The anchor the card's section links jump to. */
  id: string;
  title: string;
  icon: ReactNode;
  /** Next to the title: a count, a switch. */
  aside?: ReactNode;
  children: ReactNode;
}

/** A list item after the first: a thin line above it. */
export const DIVIDED = {
  borderTop: "1px solid var(--mantine-color-gray-2)",
  paddingTop: "var(--mantine-spacing-sm)",
} as const;

/** One part of the client card: a titled region, reachable from the section links above. */
export function Section({ id, title, icon, aside, children }: Props) {
  return (
    <Card
      component="section"
      id={id}
      aria-labelledby={`${id}-title`}
      withBorder
      radius="md"
      padding="md"
      // The header is fixed: a jump to the section must not hide its title under it.
      style={{ scrollMarginTop: 72 }}
    >
      <Group justify="space-between" mb="sm" gap="xs" wrap="nowrap">
        <Group gap={8} wrap="nowrap" miw={0}>
          <ThemeIcon variant="light" size={28} radius="md">
            {icon}
          </ThemeIcon>
          <Title order={3} fz="md" id={`${id}-title`}>
            {title}
          </Title>
        </Group>
        {aside}
      </Group>
      {children}
    </Card>
  );
}

/** "Nothing here": one dimmed line, so an empty section still says it was looked at. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** The first few of a long list, and a button for the rest. */
export function useFolded<T>(items: readonly T[], first: number) {
  const [open, setOpen] = useState(false);
  const shown = open ? items : items.slice(0, first);
  const toggle =
    items.length > first ? (
      <FoldButton open={open} count={items.length} onClick={() => setOpen((o) => !o)} />
    ) : null;
  return { shown, toggle };
}

function FoldButton({ open, count, onClick }: { open: boolean; count: number; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      mt="xs"
      onClick={onClick}
      rightSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
      aria-expanded={open}
    >
      {open ? t("card.showLess") : t("card.showAll", { count })}
    </Button>
  );
}
