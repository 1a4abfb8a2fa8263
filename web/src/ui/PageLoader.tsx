import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center h={fullScreen ? "100dvh" : 240} role="status" aria-label={t("common.loading")}>
      <Loader size="md" />
    </Center>
  );
}
