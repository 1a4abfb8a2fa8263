import type { FastifyBaseLogger } from "fastify";
import nodemailer from "nodemailer";
import type { MessagingConfig } from "../../config";

export interface OutgoingMessage {
  to: string;
  subject?: string | undefined;
  text: string;
}

/** One way to reach a client on a channel. Portal sign-in codes and reminders go through these too. */
export interface MessageProvider {
  readonly channel: "email" | "sms" | "messenger";
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ externalId: string | null }>;
}

export class ProviderError extends Error {}

/** E-mail over SMTP (nodemailer). */
export function smtpProvider(url: string, from: string): MessageProvider {
  const transport = nodemailer.createTransport(url);
  return {
    channel: "email",
    name: "smtp",
    async send(m) {
      try {
        const info = await transport.sendMail({ from, to: m.to, subject: m.subject ?? "", text: m.text });
        return { externalId: info.messageId ?? null };
      } catch (err) {
        throw new ProviderError(`SMTP: ${(err as Error).message}`);
      }
    },
  };
}

/**
 * SMS.ru's HTTP API: GET /sms/send?api_id=...&to=...&msg=...&json=1; the answer says per number whether
 * it was accepted ({"status":"OK","sms":{"79161234567":{"status":"OK","sms_id":"..."}}}).
 */
export function smsRuProvider(o: { apiId: string; url: string; from: string | null }): MessageProvider {
  return {
    channel: "sms",
    name: "smsru",
    async send(m) {
      const to = m.to.replace(/\D/g, "");
      const params = new URLSearchParams({ api_id: o.apiId, to, msg: m.text, json: "1" });
      if (o.from) params.set("from", o.from);
      const res = await fetch(`${o.url.replace(/\/$/, "")}/sms/send`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: params.toString(),
        signal: AbortSignal.timeout(15_000),
      }).catch((err: Error) => {
        throw new ProviderError(`SMS.ru: ${err.message}`);
      });
      const body = (await res.json().catch(() => null)) as {
        status?: string;
        status_text?: string;
        sms?: Record<string, { status?: string; sms_id?: string; status_text?: string }>;
      } | null;
      const one = body?.sms?.[to];
      if (!res.ok || body?.status !== "OK" || one?.status !== "OK") {
        throw new ProviderError(`SMS.ru: ${one?.status_text ?? body?.status_text ?? `HTTP ${res.status}`}`);
      }
      return { externalId: one.sms_id ?? null };
    },
  };
}

/** Telegram Bot API sendMessage; the client's Telegram contact is the chat id they gave the bot. */
export function telegramProvider(o: { token: string; url: string }): MessageProvider {
  return {
    channel: "messenger",
    name: "telegram",
    async send(m) {
      const res = await fetch(`${o.url.replace(/\/$/, "")}/bot${o.token}/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: m.to, text: m.subject ? `${m.subject}\n\n${m.text}` : m.text }),
        signal: AbortSignal.timeout(15_000),
      }).catch((err: Error) => {
        throw new ProviderError(`Telegram: ${err.message}`);
      });
      const body = (await res.json().catch(() => null)) as {
        ok?: boolean;
        description?: string;
        result?: { message_id?: number };
      } | null;
      if (!body?.ok) throw new ProviderError(`Telegram: ${body?.description ?? `HTTP ${res.status}`}`);
      return { externalId: body.result?.message_id !== undefined ? String(body.result.message_id) : null };
    },
  };
}

/** Development and demo: the message is written to the log instead of leaving the building. */
export function logProvider(channel: MessageProvider["channel"], log: FastifyBaseLogger): MessageProvider {
  let n = 0;
  return {
    channel,
    name: "log",
    async send(m) {
      log.info({ channel, to: m.to, subject: m.subject, text: m.text }, "message (log provider)");
      return { externalId: `log-${Date.now()}-${++n}` };
    },
  };
}

/** Tests and the demo's browser checks: what would have been sent is kept in `outbox`. */
export function outboxProvider(
  channel: MessageProvider["channel"],
  outbox: OutgoingMessage[],
): MessageProvider {
  return {
    channel,
    name: "outbox",
    async send(m) {
      outbox.push(m);
      return { externalId: `outbox-${outbox.length}` };
    },
  };
}

export type Providers = Record<MessageProvider["channel"], MessageProvider>;

export function providersFrom(config: MessagingConfig, log: FastifyBaseLogger): Providers {
  return {
    email: config.smtpUrl ? smtpProvider(config.smtpUrl, config.mailFrom) : logProvider("email", log),
    sms: config.sms.provider === "smsru" ? smsRuProvider(config.sms) : logProvider("sms", log),
    messenger: config.telegram ? telegramProvider(config.telegram) : logProvider("messenger", log),
  };
}
