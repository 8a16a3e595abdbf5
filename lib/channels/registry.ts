// Every platform's provider, by Platform. `satisfies Record<Platform, ChannelProvider>`: a value added
// to the Platform enum does not compile until its folder provides a provider here. The only place
// outside the platform folders that imports them (eslint.config.mjs keeps it so).
import type { ChannelProvider } from "@/lib/channels/channel-provider";
import { facebookProvider } from "@/lib/channels/facebook/provider";
import { zaloProvider } from "@/lib/channels/zalo/provider";
import type { Platform } from "@/lib/generated/prisma/enums";

export const providers = {
  facebook: facebookProvider,
  zalo: zaloProvider,
} satisfies Record<Platform, ChannelProvider>;

export function providerOf(platform: Platform): ChannelProvider {
  return providers[platform];
}

/** Sticker ids every platform uses for a gesture (Messenger's like button), and their emoji. */
export const stickerEmoji: Readonly<Record<string, string>> = Object.assign(
  {},
  ...Object.values(providers).map((provider: ChannelProvider) => provider.inbound.stickerEmoji),
);
