// Roles and what they may do. TEACHER and MANAGER follow from the profile's
// position; MENTOR, METHODIST and COORDINATOR are granted (by configuration, the
// command line, an invitation or a coordinator).
import type { Position } from "./instrument.ts";

export type Role = "TEACHER" | "MANAGER" | "MENTOR" | "METHODIST" | "COORDINATOR";
export const GRANTED_ROLES = ["MENTOR", "METHODIST", "COORDINATOR"] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];
/** Roles a coordinator invites people to. */
export const INVITABLE_ROLES = ["METHODIST", "COORDINATOR"] as const;

export function rolesOf(position: Position | null | undefined, granted: readonly GrantedRole[]): Role[] {
  const roles: Role[] = [];
  if (position) roles.push(position === "TEACHER" ? "TEACHER" : "MANAGER");
  return [...roles, ...granted];
}

export type InviteCheck = "ok" | "unknown" | "expired" | "used";

export function checkInvite(invite: { expiresAt: Date; usedAt: Date | null } | null, now: Date): InviteCheck {
  if (!invite) return "unknown";
  if (invite.usedAt) return "used";
  if (invite.expiresAt <= now) return "expired";
  return "ok";
}

/** The /start payload of an invitation link. */
export const INVITE_PREFIX = "inv_";
export const invitePayload = (code: string) => `${INVITE_PREFIX}${code}`;
export function inviteCodeOf(payload: string): string | undefined {
  return payload.startsWith(INVITE_PREFIX) && /^[A-Za-z0-9_-]{8,40}$/.test(payload.slice(INVITE_PREFIX.length))
    ? payload.slice(INVITE_PREFIX.length)
    : undefined;
}
