// E-mail addresses as staff paste them from letters and web forms. We normalise and check the shape only:
// deliverability is the mail server's business. Domain typos are flagged for a human to confirm, never
// fixed silently, because "bk.ru" and "bk.rs" can both be real and the client is the authority.

export type EmailInvalidReason = "empty" | "no_at" | "bad_local" | "bad_domain" | "too_long";

export type EmailCheck =
  | { valid: true; email: string; suggestion?: string }
  | { valid: false; email: string; reason: EmailInvalidReason; suggestion?: string };

// Local parts are case-sensitive in theory, but no mail service a Russian client uses treats them so,
// and a lower-case key is what duplicates must agree on.
export function normalizeEmail(raw: string): string {
  let text = raw.trim();
  const bracketed = /<([^<>]+)>/.exec(text);
  if (bracketed?.[1]) text = bracketed[1].trim();
  text = text.replace(/^mailto:/i, "").replace(/\?.*$/, "");
  return text.toLowerCase();
}

const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

function reasonFor(email: string): EmailInvalidReason | undefined {
  if (email === "") return "empty";
  if (email.length > 254) return "too_long";
  const at = email.lastIndexOf("@");
  if (at < 0) return "no_at";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length === 0 || local.length > 64 || !LOCAL.test(local)) return "bad_local";
  const labels = domain.split(".");
  const tld = labels[labels.length - 1] ?? "";
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^\p{L}{2,}$/u.test(tld))
    return "bad_domain";
  return undefined;
}

export function isValidEmail(raw: string): boolean {
  return reasonFor(normalizeEmail(raw)) === undefined;
}

export function checkEmail(raw: string): EmailCheck {
  const email = normalizeEmail(raw);
  const reason = reasonFor(email);
  const suggestion = suggestEmail(email);
  const result: EmailCheck = reason ? { valid: false, email, reason } : { valid: true, email };
  if (suggestion) result.suggestion = suggestion;
  return result;
}

// The domains most Russian clients use; a domain one keystroke away from one of them is probably a typo.
export const POPULAR_EMAIL_DOMAINS = [
  "mail.ru",
  "yandex.ru",
  "gmail.com",
  "bk.ru",
  "list.ru",
  "inbox.ru",
  "rambler.ru",
] as const;

// Real domains that sit one keystroke from a popular one and must not be flagged.
const LEGITIMATE = new Set<string>([
  ...POPULAR_EMAIL_DOMAINS,
  "ya.ru",
  "yandex.com",
  "yandex.by",
  "yandex.kz",
  "yandex.ua",
  "mail.com",
  "mail.ua",
  "list.ua",
  "inbox.lv",
  "bk.rs",
]);

// Mistakes too far from the target for the edit-distance rule (a wrong zone, a transliterated name).
const KNOWN_TYPOS: Record<string, string> = {
  "gmail.ru": "gmail.com", // not Google's mail service; people mean gmail.com
  "gmail.com.ru": "gmail.com",
  "jmail.com": "gmail.com",
  "yandeks.ru": "yandex.ru",
  "yandex.ru.ru": "yandex.ru",
  "mail.ru.ru": "mail.ru",
  "mail.com.ru": "mail.ru",
  "ramble.ru": "rambler.ru",
};

export function suggestEmail(email: string): string | undefined {
  const at = email.lastIndexOf("@");
  if (at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .replace(/,/g, ".")
    .replace(/\.+$/, "");
  const local = email.slice(0, at);
  const original = email.slice(at + 1);
  const fix = suggestDomain(domain);
  if (fix) return `${local}@${fix}`;
  // "mail,ru" or a trailing dot: the domain itself is right once the punctuation is.
  if (domain !== original && LEGITIMATE.has(domain)) return `${local}@${domain}`;
  return undefined;
}

function suggestDomain(domain: string): string | undefined {
  if (LEGITIMATE.has(domain)) return undefined;
  const known = KNOWN_TYPOS[domain];
  if (known) return known;
  for (const target of POPULAR_EMAIL_DOMAINS) {
    if (withinOneEdit(domain, target)) return target;
  }
  return undefined;
}

// Damerau distance <= 1: one substitution, insertion, deletion or swap of neighbours.
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
