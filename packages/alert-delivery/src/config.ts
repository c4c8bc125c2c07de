import { boolean, integer } from "@nexus/config";

/** Webhook delivery settings, shared by the notifier service and the embedded runtime. */
export const webhookSpec = {
  allowPrivate: boolean(
    "NEXUS_WEBHOOK_ALLOW_PRIVATE",
    "let webhooks reach loopback, private and link-local addresses (on-premise receivers, tests)",
    { default: false },
  ),
  digestMs: integer("NEXUS_WEBHOOK_DIGEST_MS", "alerts of one watch within this window go out as one digest; 0 = off", {
    default: 5_000,
    min: 0,
  }),
  maxAttempts: integer("NEXUS_WEBHOOK_MAX_ATTEMPTS", "attempts per delivery before it is dead-lettered", {
    default: 6,
    min: 1,
  }),
  timeoutMs: integer("NEXUS_WEBHOOK_TIMEOUT_MS", "timeout of one webhook request", { default: 5_000, min: 1 }),
} as const;
