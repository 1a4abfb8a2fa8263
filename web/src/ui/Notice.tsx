import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";

interface Props {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  /** Heading level of the title: 2 when the notice is the page, 3 inside a page with its own title. */
  order?: 2 | 3;
  variant?: "light";
  actions?: ReactNode;
}

/** Empty, missing and not-yet-built states: an icon, a real heading, one sentence, maybe a way out. */
export function Notice({ icon, title, description, order = 3, variant, actions }: Props) {
  return (
    <EmptyState mt="xl" icon={icon} variant={variant} withIndicatorBackground={!variant}>
      <EmptyState.Title order={order}>{title}</EmptyState.Title>
      <EmptyState.Description maw={520}>{description}</EmptyState.Description>
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
}
