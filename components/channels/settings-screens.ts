// Each platform's settings screen (/settings/channels/<platform>) and its mark on the channels
// overview, by Platform: `satisfies Record<Platform, …>`, so a platform added to the enum does not
// compile until its folder under components/channels/ provides them. With lib/channels/registry.ts,
// the only place outside a platform's folders that imports them (eslint.config.mjs keeps it so).
import type { ComponentType } from "react";
import type { Platform } from "@/lib/generated/prisma/enums";
import type { ChannelSettingsScreenProps } from "@/components/channels/use-channel-settings";
import { FacebookMark } from "@/components/channels/facebook/facebook-mark";
import { FacebookWizard } from "@/components/channels/facebook/facebook-wizard";
import { ZaloMark } from "@/components/channels/zalo/zalo-mark";
import { ZaloSettings } from "@/components/channels/zalo/zalo-settings";

export interface ChannelSettingsScreen {
  /** A client component: the platform's login, its accounts to connect, and the shared connected-channel list. */
  Screen: ComponentType<ChannelSettingsScreenProps>;
  /** The platform's logo beside its name, decorative (aria-hidden). */
  Mark: ComponentType;
}

export const channelSettingsScreens = {
  facebook: { Screen: FacebookWizard, Mark: FacebookMark },
  zalo: { Screen: ZaloSettings, Mark: ZaloMark },
} satisfies Record<Platform, ChannelSettingsScreen>;
