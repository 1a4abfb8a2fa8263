import { Button, Grid, Group, Stack } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ClientCard } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { DealsCard } from "./DealsCard";
import { OffersCard } from "./OffersCard";
import { ProductsCard } from "./ProductsCard";
import { ServiceCard } from "./ServiceCard";
import { TimelineCard } from "./TimelineCard";
import { VehiclesCard } from "./VehiclesCard";

const SECTIONS = ["offers", "vehicles", "products", "timeline", "deals", "service", "identity"] as const;

/** Links to the card's sections: on a phone they are screens apart. */
export function JumpLinks() {
  const { t } = useTranslation();
  return (
    <Group gap={4} role="group" aria-label={t("card.jumpLabel")}>
      {SECTIONS.map((id) => (
        <Button
          key={id}
          variant="default"
          size="compact-sm"
          fw={500}
          onClick={() => document.getElementById(id)?.scrollIntoView({ behavior: "smooth", block: "start" })}
        >
          {t(`card.jump.${id}`)}
        </Button>
      ))}
    </Group>
  );
}

/**
 * The client's business on one screen. On a wide screen two columns: what to offer and the history on
 * the left, cars, products, deals and service on the right; on a phone one column, offers first and
 * the cars before the long history.
 */
export function Overview({ card }: { card: ClientCard }) {
  const wide = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  const offers = <OffersCard offers={card.offers} blocked={card.identity.blocked} />;
  const vehicles = <VehiclesCard vehicles={card.vehicles} />;
  const products = <ProductsCard insurance={card.insurance} credits={card.credits} />;
  const timeline = (
    <TimelineCard
      clientId={card.identity.id}
      first={card.timeline}
      deals={card.deals}
      workOrders={card.workOrders}
    />
  );
  const deals = <DealsCard deals={card.deals} />;
  const service = <ServiceCard workOrders={card.workOrders} />;
  if (!wide) {
    return (
      <Stack gap="md">
        {offers}
        {vehicles}
        {products}
        {timeline}
        {deals}
        {service}
      </Stack>
    );
  }
  return (
    <Grid gap="md">
      <Grid.Col span={7}>
        <Stack gap="md">
          {offers}
          {timeline}
        </Stack>
      </Grid.Col>
      <Grid.Col span={5}>
        <Stack gap="md">
          {vehicles}
          {products}
          {deals}
          {service}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
