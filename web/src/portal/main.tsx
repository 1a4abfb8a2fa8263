import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "../i18n";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PortalApp } from "./PortalApp";

const root = document.getElementById("root");
if (!root) throw new Error("portal.html has no #root");
createRoot(root).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);

// Installable and usable offline: the service worker is scoped to the portal only.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/portal/sw.js", { scope: "/portal/" }).catch(() => {});
  });
}
