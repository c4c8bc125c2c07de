import { extractContacts } from "@nexus/extraction";

/**
 * Splits what an analyst typed into a phone (in any format: "502 5555-1234", "+502 55551234",
 * "cinco cinco…") and the remaining words, so a number typed plainly finds the ad that obfuscated it.
 */
export function splitPhoneQuery(text: string, country?: string): { phone?: string; text?: string } {
  const phone = extractContacts(text, country ? { country } : {}).phones[0];
  if (!phone) return text.trim() ? { text: text.trim() } : {};
  const rest = `${text.slice(0, phone.start)} ${text.slice(phone.end)}`.trim();
  return { phone: phone.e164, ...(rest ? { text: rest } : {}) };
}
