// The largest file any platform takes (Messenger's 25 MB): the upload route's cap. Which platform
// takes which kind and size is checked when the reply is sent (reply-input.ts) and by the composer
// before it uploads. Apart from upload-rules.ts because it reads the registry: the providers read
// uploads (upload-storage.ts) to send them, and must not import the registry back.
import { providers } from "@/lib/channels/registry";

export const MAX_UPLOAD_BYTES = Math.max(
  ...Object.values(providers).flatMap((provider) => Object.values(provider.capabilities.attachments.maxBytes)),
);
