import {
  Alert,
  Button,
  FileInput,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { WORK_KINDS } from "@orbit/contracts";

type WorkKind = (typeof WORK_KINDS)[number];

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";
import { useNotify } from "../ui/notify";
import { bookVisit, centresQuery, homeQuery, slotsQuery, startBooking } from "./api";

const PHOTO_MAX = 600 * 1024;
const KINDS = WORK_KINDS.filter((k) => k !== "warranty");

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function BookPage({ onBooked }: { onBooked: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const notify = useNotify();
  const home = useQuery(homeQuery);
  const [here, setHere] = useState<{ lat: number; lon: number } | null>(null);
  const centres = useQuery(centresQuery(here));
  const [vehicleId, setVehicleId] = useState<number | null>(null);
  const [dealershipId, setDealershipId] = useState<number | null>(null);
  const [kind, setKind] = useState<WorkKind>("maintenance");
  // The chosen time belongs to the car, centre and work it was found for.
  const [choice, setChoice] = useState<{ key: string; index: number } | null>(null);
  const [problem, setProblem] = useState("");
  const [photo, setPhoto] = useState<File | null>(null);
  const [points, setPoints] = useState<number | string>(0);
  // One draft per visit to the form: started as soon as it opens (the abandoned-booking scenario's signal).
  const draftId = useRef(crypto.randomUUID()).current;
  const started = useRef(false);

  const car = vehicleId ?? home.data?.cars[0]?.id ?? null;
  const centre = dealershipId ?? centres.data?.[0]?.id ?? null;
  const slots = useQuery(slotsQuery(car && centre ? { dealershipId: centre, vehicleId: car, kind } : null));

  useEffect(() => {
    if (started.current || !centre) return;
    started.current = true;
    void startBooking({ draftId, dealershipId: centre, kind });
  }, [centre, draftId, kind]);
  const searchKey = `${car}:${centre}:${kind}`;
  const slotIndex = choice?.key === searchKey ? choice.index : null;

  const balance = home.data?.loyalty.balance ?? 0;
  const share = home.data?.loyalty.maxSpendShare ?? 0.5;
  const maxPoints = Math.max(0, Math.min(balance, Math.floor((slots.data?.estimateRub ?? 0) * share)));
  const slot = slotIndex !== null ? slots.data?.slots[slotIndex] : undefined;
  const photoTooBig = photo !== null && photo.size > PHOTO_MAX;

  const book = useMutation({
    mutationFn: async () =>
      bookVisit({
        draftId,
        dealershipId: centre!,
        vehicleId: car!,
        kind,
        at: slot!.start,
        postId: slot!.postId,
        technicianId: slot!.technicianId,
        problem,
        points: Number(points) || 0,
        ...(photo
          ? { photo: { contentType: photo.type as "image/png", base64: await toBase64(photo) } }
          : {}),
      }),
    onSuccess: async (order) => {
      notify.success(
        t("portal.book.done", { number: order.number, when: f.shortDateTime(order.plannedStart!) }),
      );
      await client.invalidateQueries({ queryKey: ["portal"] });
      onBooked();
    },
  });

  if (!home.data) return null;
  if (home.data.cars.length === 0) return <Text>{t("portal.book.noCars")}</Text>;
  return (
    <Stack
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        book.mutate();
      }}
    >
      <Title order={2} size="h4">
        {t("portal.book.heading")}
      </Title>
      <NativeSelect
        label={t("portal.book.car")}
        value={String(car ?? "")}
        onChange={(e) => setVehicleId(Number(e.currentTarget.value))}
        data={home.data.cars.map((c) => ({
          value: String(c.id),
          label: [c.make, c.model, c.plate].filter(Boolean).join(" "),
        }))}
      />
      <Group align="end" wrap="nowrap">
        <NativeSelect
          style={{ flex: 1 }}
          label={t("portal.book.centre")}
          value={String(centre ?? "")}
          onChange={(e) => setDealershipId(Number(e.currentTarget.value))}
          data={(centres.data ?? []).map((c) => ({
            value: String(c.id),
            label:
              c.distanceKm !== null ? `${c.name} · ${t("portal.book.km", { km: c.distanceKm })}` : c.name,
          }))}
        />
        <Button
          variant="light"
          onClick={() =>
            navigator.geolocation?.getCurrentPosition((p) => {
              setDealershipId(null);
              setHere({ lat: p.coords.latitude, lon: p.coords.longitude });
            })
          }
        >
          {t("portal.book.nearest")}
        </Button>
      </Group>
      <NativeSelect
        label={t("portal.book.work")}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as WorkKind)}
        data={KINDS.map((k) => ({ value: k, label: t(`portal.kind.${k}`) }))}
      />
      <Stack gap={4}>
        <Text fw={500} size="sm" id="slots-label">
          {t("portal.book.slots")}
        </Text>
        {slots.data && (
          <Text size="xs" c="dimmed">
            {t("portal.book.estimate", {
              amount: f.money(slots.data.estimateRub),
              minutes: slots.data.durationMinutes,
            })}
          </Text>
        )}
        {slots.data?.slots.length === 0 && <Text size="sm">{t("portal.book.noSlots")}</Text>}
        {slots.error && <Text c="red">{slots.error.message}</Text>}
        <SimpleGrid cols={3} spacing="xs" role="group" aria-labelledby="slots-label">
          {slots.data?.slots.map((s, i) => (
            <Button
              key={`${s.start}-${s.postId}`}
              size="xs"
              variant={i === slotIndex ? "filled" : "default"}
              aria-pressed={i === slotIndex}
              onClick={() => setChoice({ key: searchKey, index: i })}
            >
              {f.shortDateTime(s.start)}
            </Button>
          ))}
        </SimpleGrid>
      </Stack>
      <Textarea
        label={t("portal.book.problem")}
        value={problem}
        maxLength={1000}
        onChange={(e) => setProblem(e.currentTarget.value)}
      />
      <FileInput
        label={t("portal.book.photo")}
        accept="image/jpeg,image/png,image/webp"
        value={photo}
        onChange={setPhoto}
        clearable
        error={photoTooBig ? t("portal.book.photoTooBig") : undefined}
      />
      <NumberInput
        label={t("portal.book.points", { max: maxPoints })}
        min={0}
        max={maxPoints}
        value={points}
        onChange={setPoints}
        allowDecimal={false}
      />
      {book.error && (
        <Alert color="red" role="alert">
          {book.error.message}
        </Alert>
      )}
      <Button type="submit" disabled={!slot || photoTooBig} loading={book.isPending}>
        {t("portal.book.submit")}
      </Button>
    </Stack>
  );
}
