import { randomBytes } from "node:crypto";

/** Where online sessions meet when a location names no base address of its own. */
export const DEFAULT_MEETING_BASE_URL = "https://meet.jit.si";

/**
 * A new video room under a location's base address: 96 random bits, so that nobody finds a room
 * by guessing and every appointment (or class session) has its own.
 */
export const newMeetingUrl = (location: { meetingBaseUrl: string | null }) =>
  `${location.meetingBaseUrl ?? DEFAULT_MEETING_BASE_URL}/Rendezvous-${randomBytes(12).toString("hex")}`;
