// The words generic texts use for a channel of any platform, so no sentence names a platform's own
// word: its name ({platform}), the app its customers chat in ({app}: Messenger, Zalo), what one
// channel is called ({account}: fanpage, OA; {noun} mid-sentence and {Noun} at a sentence's start:
// trang/Trang, OA), all from lib/channels/platform-names.ts and the channels catalog. And a channel's
// status reason (a channels.statusReasons code) as a sentence in those words.
"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { chatAppNames, platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";

export interface ChannelWords {
  platform: string;
  app: string;
  account: string;
  noun: string;
  Noun: string;
}

/** Pure: `channelsText` reads the channels catalog (channels.<key>) in the user's language. */
export function channelWordsOf(channelsText: (key: string) => string, platform: Platform): ChannelWords {
  return {
    platform: platformNames[platform],
    app: chatAppNames[platform],
    account: channelsText(`accounts.${platform}`),
    noun: channelsText(`nouns.${platform}.inner`),
    Noun: channelsText(`nouns.${platform}.start`),
  };
}

export function useChannelWords() {
  const t = useTranslations("channels");

  const wordsOf = useCallback((platform: Platform): ChannelWords => channelWordsOf((key) => t(key), platform), [t]);

  /** A code the catalog does not know (from a newer server) is shown as it is rather than hidden. */
  const statusReasonText = useCallback(
    (platform: Platform, reason: string): string => (t.has(`statusReasons.${reason}`) ? t(`statusReasons.${reason}`, { ...wordsOf(platform) }) : reason),
    [t, wordsOf],
  );

  return { wordsOf, statusReasonText };
}
