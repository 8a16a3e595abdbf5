// Where the Zalo wizard lives, for redirects back to it with a notice or an error code.
import { env } from "@/lib/env";

export const ZALO_WIZARD_PATH = "/settings/channels/zalo";

export function zaloWizardUrl(query: Record<string, string> = {}): URL {
  const url = new URL(ZALO_WIZARD_PATH, env().APP_URL);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url;
}
