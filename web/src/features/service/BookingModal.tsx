import {
  Alert,
  Button,
  Chip,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
} from "@mantine/core";
import type { Slot } from "@orbit/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiRequestError } from "../../api/client";
import { useFormat } from "../../i18n/format";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { useBook, useSlots, useWalkIn, useWorks } from "./api";
import { type ClientCar, ClientCarPicker } from "./ClientCarPicker";

const CHANNELS = ["call", "web", "app", "portal"] as const;

/**
 * A booking in a few clicks: the client and car, the works (none: the model's maintenance), the
 * channel, then the earliest slots that fit; one click books the chosen one and tells the exact time.
 * As a walk-in, the same choices open the work order for a car that is here now.
 */
export function BookingModal({
  dealershipId,
  mode,
  onClose,
}: {
  dealershipId: number;
  mode: "booking" | "walk_in";
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const works = useWorks();
  const [car, setCar] = useState<ClientCar | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [channel, setChannel] = useState<string>("call");
  const [mileage, setMileage] = useState<number | string>("");
  const [slot, setSlot] = useState<Slot | null>(null);
  const slots = useSlots(
    mode === "booking" && car ? { dealershipId, vehicleId: car.vehicle.id, works: codes, channel } : null,
  );
  const book = useBook();
  const walkIn = useWalkIn();
  const failure = (err: unknown) =>
    err instanceof ApiRequestError && err.status === 409 ? t("service.booking.taken") : errorText(err);

  const submit = () => {
    if (!car) return;
    if (mode === "walk_in") {
      walkIn.mutate(
        {
          dealershipId,
          clientId: car.clientId,
          vehicleId: car.vehicle.id,
          works: codes,
          ...(typeof mileage === "number" ? { mileageKm: mileage } : {}),
        },
        {
          onSuccess: (order) => {
            notify.success(t("service.booking.opened", { number: order.number }));
            onClose();
            navigate(`/service/work-orders/${order.id}`);
          },
          onError: (err) => notify.error(failure(err)),
        },
      );
      return;
    }
    if (!slot) return;
    book.mutate(
      {
        dealershipId,
        clientId: car.clientId,
        vehicleId: car.vehicle.id,
        works: codes,
        channel,
        at: slot.start,
        postId: slot.postId,
        technicianId: slot.technicianId,
      },
      {
        onSuccess: (order) => {
          notify.success(
            t("service.booking.booked", {
              when: format.dateTime(order.plannedStart ?? slot.start),
              number: order.number,
            }),
          );
          onClose();
        },
        onError: (err) => {
          notify.error(failure(err));
          void slots.refetch();
          setSlot(null);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(mode === "booking" ? "service.booking.title" : "service.booking.walkInTitle")}
      size="lg"
    >
      <Stack gap="sm">
        <ClientCarPicker
          value={car}
          onChange={(v) => {
            setCar(v);
            setSlot(null);
            if (v && mileage === "") setMileage(v.vehicle.mileage.km);
          }}
        />
        <MultiSelect
          label={t("service.booking.works")}
          description={t("service.booking.worksHint")}
          data={(works.data ?? []).map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))}
          value={codes}
          onChange={(v) => {
            setCodes(v);
            setSlot(null);
          }}
          searchable
          clearable
        />
        {mode === "booking" ? (
          <>
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t("service.booking.channel")}
              </Text>
              <SegmentedControl
                data={CHANNELS.map((c) => ({ value: c, label: t(`service.channels.${c}`) }))}
                value={channel}
                onChange={(v) => {
                  setChannel(v);
                  setSlot(null);
                }}
              />
            </div>
            {car && slots.isError && (
              <Alert color="red" title={t("service.booking.noSlotsTitle")}>
                {slots.error instanceof ApiRequestError ? slots.error.message : errorText(slots.error)}
              </Alert>
            )}
            {car && slots.data && (
              <Stack gap={6}>
                <Text size="sm">
                  {t("service.booking.duration", {
                    minutes: slots.data.durationMinutes,
                    works: slots.data.works.map((w) => w.name).join(", "),
                  })}
                </Text>
                {slots.data.slots.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t("service.booking.noSlots")}
                  </Text>
                ) : (
                  <Chip.Group
                    value={slot ? `${slot.start}/${slot.postId}` : ""}
                    onChange={(v) =>
                      setSlot(slots.data.slots.find((s) => `${s.start}/${s.postId}` === v) ?? null)
                    }
                  >
                    <Group gap={6} role="list" aria-label={t("service.booking.slots")}>
                      {slots.data.slots.map((s) => (
                        <Chip key={`${s.start}/${s.postId}`} value={`${s.start}/${s.postId}`} size="sm">
                          {format.shortDateTime(s.start)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                )}
                {slot && (
                  <Text size="sm" c="dimmed">
                    {t("service.booking.slotDetails", {
                      post: slot.postName,
                      technician: slot.technicianName,
                    })}
                  </Text>
                )}
              </Stack>
            )}
          </>
        ) : (
          <NumberInput
            label={t("service.booking.mileage")}
            value={mileage}
            onChange={setMileage}
            min={0}
            thousandSeparator=" "
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={submit}
            disabled={!car || (mode === "booking" && !slot)}
            loading={book.isPending || walkIn.isPending}
          >
            {t(mode === "booking" ? "service.booking.book" : "service.booking.open")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
