import { Button, Menu } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useApiErrorText } from "../../ui/errors";
import { useNotify } from "../../ui/notify";
import { useCreateDeal, useProcesses } from "./api";
import { useDealLabels } from "./labels";

/** Opens a deal for the client on one of the processes and goes to it. */
export function NewDealButton({ clientId, size = "xs" }: { clientId: number; size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  // The processes are asked for when the menu opens: the client card does not wait for them.
  const [opened, setOpened] = useState(false);
  const processes = useProcesses({ enabled: opened });
  const create = useCreateDeal();
  const navigate = useNavigate();
  const notify = useNotify();
  const errorText = useApiErrorText();
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>
        <Button size={size} variant="light" leftSection={<IconPlus size={14} />} loading={create.isPending}>
          {t("deals.newDeal")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("deals.chooseProcess")}</Menu.Label>
        {(processes.data ?? []).map((p) => (
          <Menu.Item
            key={p.code}
            onClick={() =>
              create.mutate(
                { clientId, processCode: p.code },
                {
                  onSuccess: (deal) => {
                    notify.success(t("deals.created"));
                    navigate(`/deals/${deal.id}`);
                  },
                  onError: (e) => notify.error(errorText(e)),
                },
              )
            }
          >
            {labels.title(p.name)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
