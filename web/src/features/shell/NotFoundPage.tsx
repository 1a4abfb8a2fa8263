import { Button } from "@mantine/core";
import { IconMapOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Notice } from "../../ui/Notice";
import { usePageTitle } from "../../ui/usePageTitle";

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.pageTitle"));
  return (
    <Notice
      order={2}
      icon={<IconMapOff size={28} />}
      title={t("notFound.title")}
      description={t("notFound.text")}
      actions={
        <Button component={Link} to="/" variant="light">
          {t("access.toHome")}
        </Button>
      }
    />
  );
}
