import { Button, Group, TextInput } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { fromLocalInput, toLocalInput } from "./display";

interface Props {
  /** The moment shown (ISO), or null for now. */
  asOf: string | null;
  onChange: (asOf: string | null) => void;
}

/** "Show the card as it was at": a local date and time to the second, applied on submit. */
export function AsOfPicker({ asOf, onChange }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(asOf ? toLocalInput(asOf) : "");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(asOf ? toLocalInput(asOf) : ""), [asOf]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value === "") return onChange(null);
    const moment = fromLocalInput(value);
    if (!moment) return setError(t("clients.asOfInvalid"));
    if (new Date(moment).getTime() > Date.now()) return setError(t("clients.asOfFuture"));
    setError(null);
    onChange(moment);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          type="datetime-local"
          step={1}
          label={t("clients.asOf")}
          leftSection={<IconHistory size={16} />}
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          w={250}
          maw="100%"
        />
        <Button type="submit" variant="default">
          {t("clients.asOfShow")}
        </Button>
        {asOf && (
          <Button variant="subtle" onClick={() => onChange(null)}>
            {t("clients.backToNow")}
          </Button>
        )}
      </Group>
    </form>
  );
}
