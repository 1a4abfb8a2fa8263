import { IconUserSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Notice } from "../../ui/Notice";
import { PageHeader } from "../../ui/PageHeader";

export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  return (
    <>
      <PageHeader
        title={t("search.pageTitle")}
        subtitle={q ? t("search.query", { q }) : t("search.noQuery")}
      />
      <Notice
        variant="light"
        icon={<IconUserSearch size={28} />}
        title={t("search.comingTitle")}
        description={t("search.comingText")}
      />
    </>
  );
}
