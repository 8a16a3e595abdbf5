// Where an invitation or password reset link leads: one page that sets a password, whichever kind.
import { env } from "@/lib/env";

export function staffLinkUrl(token: string): string {
  return `${env().APP_URL}/set-password/${token}`;
}
