import type { Messages } from "../messages";
import type { scenarios as ru } from "../ru/scenarios";

export const scenarios: Messages<typeof ru> = {
  scenarios: {
    pageTitle: "Scenarios",
    subtitle:
      "A call prompted by what a client does on the site, the portal and the app — while the interest is fresh",
    add: "New scenario",
    kind: "What to watch for",
    kinds: {
      viewed_segment: "Viewed cars of one class, then went quiet",
      abandoned_booking: "Did not finish an online service booking",
      web_request: "Web request",
      next_best_offer: "Next best offer from the model",
    },
    kindTexts: {
      viewed_segment:
        "The client viewed several cars of one class on the site and went quiet — a salesperson offers help choosing and a test drive.",
      abandoned_booking:
        "The client started booking a service visit online and stopped — an operator helps to book.",
      web_request: "The client sent a request on the site — a call within the response time.",
      next_best_offer:
        "Every night the model finds each client's likeliest offer — calls about the most valuable ones, up to the daily limit.",
    },
    name: "Name",
    namePlaceholder: "e.g. Test drive request",
    createTitle: "New scenario",
    editTitle: "Scenario",
    create: "Create",
    save: "Save",
    created: "Scenario “{{name}}” created, switched off",
    createdHint:
      "The scenario is created switched off. See how many tasks it would create today, then switch it on.",
    saved: "Scenario “{{name}}” saved",
    switchLabel: "Scenario “{{name}}” on",
    switchedOn: "Scenario “{{name}}” is on",
    switchedOff: "Scenario “{{name}}” is off",
    active: "On",
    activeDescription: "A scenario switched on creates tasks every five minutes",
    edit: "Edit",
    editOf: "Edit the scenario “{{name}}”",
    emptyTitle: "No scenarios yet",
    emptyText: "Create the first one: for example, a call about a web request.",
    previewAfterCreate: "The preview comes right after creating: a new scenario starts switched off.",
    off: "off",
  },
  eventSources: {
    pageTitle: "Event sources",
    subtitle:
      "The web site, the client portal and the app send Orbit what visitors do, each with its own key",
    add: "Connect a source",
    createTitle: "New event source",
    name: "Name",
    namePlaceholder: "e.g. Dealer group web site",
    source: "What it is",
    sources: {
      site: "Web site",
      portal: "Client portal",
      app: "App",
    },
    nameTaken: "A source with this name is already connected",
    create: "Connect",
    colName: "Source",
    colSource: "What it is",
    colCreated: "Connected",
    colActive: "Accepts events",
    keyTitle: "Key of “{{name}}”",
    keyOnce: "The key is shown once: Orbit keeps only its fingerprint and cannot show it again. Copy it now.",
    keyUsage: "The source sends the key in the X-Orbit-Key header of every POST /api/events request.",
    copy: "Copy the key",
    copied: "Copied",
    keySaved: "Key saved, close",
    switchLabel: "Source “{{name}}” accepts events",
    enabled: "Source “{{name}}” accepts events again",
    disabled: "Source “{{name}}” is off: its key is no longer accepted",
    emptyTitle: "No sources yet",
    emptyText: "Connect the web site, the portal or the app so that scenarios see what clients do.",
  },
};
