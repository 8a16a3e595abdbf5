// Remembers the chosen UI language for a year. Open to signed-out visitors (the sign-in page has it).
import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { localeCookie, locales } from "@/lib/i18n/locales";

export const POST = jsonRoute(async (request) => {
  const { locale } = await readJson(request, z.object({ locale: z.enum(locales) }));
  const response = NextResponse.json({ locale });
  response.cookies.set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  return response;
});
