import type { ContactStatus } from "./types.js";

// Rails: Ci::Runner::ONLINE_CONTACT_TIMEOUT and STALE_TIMEOUT.
export const ONLINE_CONTACT_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const STALE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;

/** Same precedence as Rails `Ci::Runner#status`: stale, then never_contacted, then online/offline. */
export function contactStatus(createdAt: Date, contactedAt: Date | null, now: Date): ContactStatus {
  const staleDeadline = now.getTime() - STALE_TIMEOUT_MS;
  const stale = contactedAt ? contactedAt.getTime() <= staleDeadline : createdAt.getTime() <= staleDeadline;
  if (stale) return "stale";
  if (!contactedAt) return "never_contacted";
  return now.getTime() - contactedAt.getTime() < ONLINE_CONTACT_TIMEOUT_MS ? "online" : "offline";
}
