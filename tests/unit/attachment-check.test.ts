// The composer's check of a picked file against the conversation's platform, before any upload:
// Zalo's 1 MB images and 5 MB files are refused above their limit with the limit given back, kinds
// the platform does not send, or in a format it does not take (Zalo: JPG/PNG, PDF/DOC/DOCX), are
// refused with the formats it takes named, and Messenger's single 25 MB limit is untouched.
import { describe, expect, it } from "vitest";
import { acceptedFormats, attachmentProblem, formatLimit } from "@/components/inbox/attachment-check";
import { providerOf } from "@/lib/channels/registry";

const MB = 1024 * 1024;
// The providers' own capabilities, as the conversation API hands them to the composer.
const zaloLike = providerOf("zalo").capabilities;
const messengerLike = providerOf("facebook").capabilities;

describe("a picked file against the platform's capabilities", () => {
  it("refuses an image over 1 MB and a file over 5 MB, naming the limit, and takes them at the limit", () => {
    expect(attachmentProblem({ type: "image/jpeg", size: MB + 1 }, zaloLike)).toEqual({ reason: "too_large", type: "image", limitBytes: MB });
    expect(attachmentProblem({ type: "image/png", size: MB }, zaloLike)).toBeNull();
    expect(attachmentProblem({ type: "application/pdf", size: 5 * MB + 1 }, zaloLike)).toEqual({ reason: "too_large", type: "file", limitBytes: 5 * MB });
    expect(attachmentProblem({ type: "application/pdf", size: 5 * MB }, zaloLike)).toBeNull();
  });

  it("refuses a kind the platform does not send, and a content type nobody may upload", () => {
    expect(attachmentProblem({ type: "video/mp4", size: 1000 }, zaloLike)).toEqual({ reason: "type_refused" });
    expect(attachmentProblem({ type: "text/html", size: 10 }, messengerLike)).toEqual({ reason: "type_refused" });
  });

  it("refuses Zalo the formats it does not take, and names those it does", () => {
    expect(attachmentProblem({ type: "image/gif", size: 1000 }, zaloLike)).toEqual({ reason: "type_refused" });
    expect(attachmentProblem({ type: "image/webp", size: 1000 }, zaloLike)).toEqual({ reason: "type_refused" });
    expect(attachmentProblem({ type: "application/zip", size: 1000 }, zaloLike)).toEqual({ reason: "type_refused" });
    expect(attachmentProblem({ type: "text/plain", size: 1000 }, zaloLike)).toEqual({ reason: "type_refused" });
    expect(attachmentProblem({ type: "application/msword", size: 1000 }, zaloLike)).toBeNull();
    expect(attachmentProblem({ type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 1000 }, zaloLike)).toBeNull();
    expect(acceptedFormats(zaloLike)).toEqual([
      { type: "image", formats: ["JPG", "PNG"] },
      { type: "file", formats: ["PDF", "DOC", "DOCX"] },
    ]);
    expect(attachmentProblem({ type: "application/zip", size: 1000 }, messengerLike)).toBeNull();
    expect(acceptedFormats(messengerLike)).toBeNull();
  });

  it("leaves Messenger's files up to 25 MB alone", () => {
    expect(attachmentProblem({ type: "image/jpeg", size: 3 * MB }, messengerLike)).toBeNull();
    expect(attachmentProblem({ type: "video/mp4", size: 25 * MB + 1 }, messengerLike)).toMatchObject({ reason: "too_large", limitBytes: 25 * MB });
  });

  it("states limits as platforms do", () => {
    expect(formatLimit(MB)).toEqual({ amount: 1, unit: "MB" });
    expect(formatLimit(5 * MB)).toEqual({ amount: 5, unit: "MB" });
    expect(formatLimit(512 * 1024)).toEqual({ amount: 512, unit: "KB" });
  });
});
