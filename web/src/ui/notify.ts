import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";

/** Toasts with the close button labelled in the interface language (Mantine's default has no label). */
export function useNotify() {
  const { t } = useTranslation();
  const show = (color: string | undefined, message: string) =>
    notifications.show({ color, message, closeButtonProps: { "aria-label": t("common.close") } });
  return {
    success: (message: string) => show("teal", message),
    error: (message: string) => show("red", message),
    info: (message: string) => show(undefined, message),
  };
}
