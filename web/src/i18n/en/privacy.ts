import type { Messages } from "../messages";
import type { privacy as ru } from "../ru/privacy";

export const privacy: Messages<typeof ru> = {
  privacy: {
    title: "Personal data",
    export: "Export the client's data",
    exported: "The client's data is saved to a file",
    anonymise: "Anonymise the client",
    confirmTitle: "Anonymise this client?",
    confirmText:
      "The name, birth date, phones, e-mails, documents and addresses will be erased everywhere, the action log included. Deals, visits and amounts stay in the reports. This cannot be undone.",
    reason: "Grounds",
    reasonHint: "E.g. the number of the client's request",
    confirm: "Anonymise",
    cancel: "Cancel",
    anonymised: "The client is anonymised",
  },
};
