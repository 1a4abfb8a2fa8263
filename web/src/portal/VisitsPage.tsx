import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Rating,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import type { PortalWorkOrder, WorkOrderStatus } from "@orbit/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import { homeQuery, reviewVisit, usePortalStream } from "./api";

const STATUS_COLOR: Record<WorkOrderStatus, string> = {
  booked: "blue",
  arrived: "cyan",
  in_work: "orange",
  waiting_parts: "yellow",
  ready: "green",
  delivered: "gray",
  cancelled: "red",
  no_show: "red",
};

export function VisitsPage() {
  const { t } = useTranslation();
  const home = useQuery(homeQuery);
  usePortalStream();
  if (!home.data) return null;
  const { cars, workOrders } = home.data;
  if (workOrders.length === 0) return <Text>{t("portal.visits.empty")}</Text>;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t("portal.visits.heading")}
      </Title>
      <Text size="xs" c="dimmed">
        {t("portal.visits.live")}
      </Text>
      {cars.map((car) => {
        const orders = workOrders.filter((w) => w.vehicleId === car.id);
        if (orders.length === 0) return null;
        const name = [car.make, car.model, car.plate].filter(Boolean).join(" ");
        return (
          <Stack key={car.id} gap="xs" component="section" aria-label={name}>
            <Title order={3} size="h6">
              {t("portal.visits.history", { car: name })}
            </Title>
            {orders.map((w) => (
              <Visit key={w.id} order={w} />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}

function Visit({ order: w }: { order: PortalWorkOrder }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card withBorder padding="sm" aria-label={w.number}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{w.number}</Text>
        <Badge color={STATUS_COLOR[w.status]} aria-label={`${w.number}: ${t(`portal.status.${w.status}`)}`}>
          {t(`portal.status.${w.status}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t(`portal.kind.${w.kind}`)} · {w.centre}
      </Text>
      {(w.plannedStart ?? w.closedAt) && (
        <Text size="sm">{f.shortDateTime((w.closedAt ?? w.plannedStart)!)}</Text>
      )}
      <Text size="sm" c="dimmed" lineClamp={2}>
        {w.summary}
      </Text>
      <Text size="sm">{t("portal.visits.amount", { amount: f.money(w.amountRub) })}</Text>
      {w.points > 0 && <Text size="sm">{t("portal.visits.points", { points: w.points })}</Text>}
      {w.hasPhoto && (
        <Anchor size="sm" href={`/api/portal/work-orders/${w.id}/photo`} target="_blank">
          {t("portal.visits.photo")}
        </Anchor>
      )}
      {w.status === "delivered" &&
        (w.review ? (
          <Text size="sm">{t("portal.review.yours", { rating: w.review.rating, nps: w.review.nps })}</Text>
        ) : (
          <ReviewForm order={w} />
        ))}
    </Card>
  );
}

function ReviewForm({ order }: { order: PortalWorkOrder }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(5);
  const [nps, setNps] = useState<number | string>(10);
  const [text, setText] = useState("");
  const send = useMutation({
    mutationFn: () => reviewVisit(order.id, { rating, nps: Number(nps), text }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["portal"] }),
  });
  if (!open) {
    return (
      <Button size="xs" variant="light" mt="xs" onClick={() => setOpen(true)}>
        {t("portal.review.heading")}
      </Button>
    );
  }
  return (
    <Stack
      gap="xs"
      mt="xs"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <Text fw={500} size="sm">
        {t("portal.review.heading")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("portal.review.bonus")}
      </Text>
      <Rating value={rating} onChange={setRating} aria-label={t("portal.review.rating")} />
      <NumberInput label={t("portal.review.nps")} min={0} max={10} value={nps} onChange={setNps} />
      <Textarea
        label={t("portal.review.text")}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {send.error && (
        <Text c="red" size="sm">
          {send.error.message}
        </Text>
      )}
      <Button type="submit" size="xs" loading={send.isPending}>
        {t("portal.review.submit")}
      </Button>
    </Stack>
  );
}
