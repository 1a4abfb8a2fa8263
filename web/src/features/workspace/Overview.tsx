import { Button, Grid, Group, Stack } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ClientCard } from "@orbit/contracts";
import { useTranslation } from "react-i18next";
import { DealsCard } from "./DealsCard";
import { LifecycleCard } from "./LifecycleCard";
import { LoyaltyCard } from "./LoyaltyCard";
import { OffersCard } from "./OffersCard";
import { ProductsCard } from "./ProductsCard";
import { ServiceCard } from "./ServiceCard";
import { TasksCard } from "./TasksCard";
import { TimelineCard } from "./TimelineCard";
import { VehiclesCard } from "./VehiclesCard";

const SECTIONS = [
  "tasks",
  "offers",
  "vehicles",
  "products",
  "timeline",
  "deals",
  "service",
  "loyalty",
  "lifecycle",
  "identity",
] as const;

/** Links to the card's sections: on a phone they are screens apart. Open tasks only when there are some. */
export function JumpLinks({ tasks = false }: { tasks?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} role="group" aria-label={t("card.jumpLabel")}>
      {SECTIONS.filter((id) => tasks || id !== "tasks").map((id) => (
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
 * The client's business on one screen. On a wide screen two columns: the open tasks, what to offer and
 * the history on the left, cars, products, deals, service and the lifecycle on the right; on a phone one
 * column, the tasks and offers first and the cars before the long history.
 */
export function Overview({ card }: { card: ClientCard }) {
  const wide = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  const tasks = card.tasks.length > 0 && <TasksCard clientId={card.identity.id} tasks={card.tasks} />;
  const lifecycle = (
    <LifecycleCard points={card.lifecycle} vehicles={card.vehicles} workOrders={card.workOrders} />
  );
  const offers = (
    <OffersCard offers={card.offers} blocked={card.identity.blocked} models={card.offerModels} />
  );
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
  const deals = <DealsCard deals={card.deals} clientId={card.identity.id} />;
  const service = <ServiceCard workOrders={card.workOrders} />;
  const loyalty = <LoyaltyCard loyalty={card.loyalty} />;
  if (!wide) {
    return (
      <Stack gap="md">
        {tasks}
        {offers}
        {vehicles}
        {products}
        {timeline}
        {deals}
        {service}
        {loyalty}
        {lifecycle}
      </Stack>
    );
  }
  return (
    <Grid gap="md">
      <Grid.Col span={7}>
        <Stack gap="md">
          {tasks}
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
          {loyalty}
          {lifecycle}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
