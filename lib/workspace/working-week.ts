// Plain facts about a shop's week and zone, for the screens too: no zod here, because zod probes
// `new Function` when it builds an object schema, which the pages' Content-Security-Policy reports
// as a violation.

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** The zones the screens offer; shops selling in Vietnam rarely need another (the API takes any). */
export const offeredTimeZones = [DEFAULT_TIME_ZONE, "Asia/Bangkok", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Europe/Berlin", "America/Los_Angeles", "UTC"];

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];
