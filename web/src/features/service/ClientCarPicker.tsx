import { Radio, Select, Stack, Text, TextInput } from "@mantine/core";
import type { CardVehicle } from "@orbit/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClientSearch, useClientView } from "../workspace/api";

export interface ClientCar {
  clientId: number;
  clientName: string;
  vehicle: CardVehicle;
}

/** Finds the client as the advisor types (phone, name, plate, VIN) and picks one of their cars. */
export function ClientCarPicker({
  value,
  onChange,
}: {
  value: ClientCar | null;
  onChange(v: ClientCar | null): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [clientId, setClientId] = useState<number | null>(value?.clientId ?? null);
  const search = useClientSearch(q, 8);
  const card = useClientView(clientId ?? 0, { enabled: clientId !== null });
  const cars = (card.data?.vehicles ?? []).filter((v) => v.ownedTo === null);
  const results = search.data?.results ?? [];
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const options = results.map((r) => ({
    value: String(r.clientId),
    label: `${r.displayName}${r.primaryPhone ? `, ${r.primaryPhone}` : ""}`,
  }));
  // The chosen client stays an option while the search answers change under it.
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);
  return (
    <Stack gap="xs">
      <TextInput
        label={t("service.booking.client")}
        placeholder={t("service.booking.clientPlaceholder")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-autofocus
      />
      {(results.length > 0 || picked) && (
        <Select
          label={t("service.booking.found")}
          data={options}
          value={clientId ? String(clientId) : null}
          onChange={(v, option) => {
            // Only a different client resets the car: new search results must not undo a choice.
            if (!v || Number(v) === clientId) return;
            setClientId(Number(v));
            setPicked({ value: v, label: option?.label ?? v });
            onChange(null);
          }}
          allowDeselect={false}
        />
      )}
      {clientId !== null && card.data && (
        <Radio.Group
          label={t("service.booking.car")}
          value={value ? String(value.vehicle.id) : ""}
          onChange={(v) => {
            const vehicle = cars.find((c) => String(c.id) === v);
            if (vehicle && card.data)
              onChange({ clientId, clientName: card.data.identity.golden.displayName, vehicle });
          }}
        >
          <Stack gap={4} mt={4}>
            {cars.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("service.booking.noCars")}
              </Text>
            )}
            {cars.map((c) => (
              <Radio
                key={c.id}
                value={String(c.id)}
                label={[c.make, c.model, c.year, c.plate].filter(Boolean).join(" ")}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}
