// Where the Facebook wizard lives, for redirects back to it with a notice or an error code.
import { env } from "@/lib/env";

export const FACEBOOK_WIZARD_PATH = "/settings/channels/facebook";

export function facebookWizardUrl(query: Record<string, string> = {}): URL {
  const url = new URL(FACEBOOK_WIZARD_PATH, env().APP_URL);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url;
}
