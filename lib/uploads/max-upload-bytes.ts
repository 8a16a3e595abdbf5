// The largest file any platform takes (Messenger's 25 MB), from the providers' capabilities. Apart
// from upload-rules.ts because it reads the registry: a platform's sender reads stored uploads, and
// must not import the registry back through upload-rules.ts.
import { providers } from "@/lib/channels/registry";

export const MAX_UPLOAD_BYTES = Math.max(
  ...Object.values(providers).flatMap((provider) => Object.values(provider.capabilities.attachments.maxBytes)),
);
