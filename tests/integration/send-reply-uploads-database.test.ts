// Reply uploads in PostgreSQL (several processes; upload-store-database.ts), including a file read
// back in more than one slice.
import { expect, it } from "vitest";
import { storeUpload } from "@/lib/uploads/store-upload";
import { readUpload } from "@/lib/uploads/read-upload";
import { describeUploadStore } from "../support/upload-store-cases";

await describeUploadStore("database");

it("serves a file larger than one slice byte for byte", async () => {
  const bytes = new Uint8Array(2.5 * 1024 * 1024).map((_, index) => (index * 31 + 7) % 256);
  const upload = await storeUpload(new File([bytes], "catalogue.pdf", { type: "application/pdf" }), "user-1");
  const stored = await readUpload(upload.id);
  expect(Buffer.from(await new Response(stored!.body).arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
});
