import { Button } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Notice } from "../../ui/Notice";
import { usePageTitle } from "../../ui/usePageTitle";

export function NoAccess() {
  const { t } = useTranslation();
  usePageTitle(t("access.title"));
  return (
    <Notice
      order={2}
      icon={<IconLock size={28} />}
      title={t("access.title")}
      description={t("access.text")}
      actions={
        <Button component={Link} to="/" variant="light">
          {t("access.toHome")}
        </Button>
      }
    />
  );
}
