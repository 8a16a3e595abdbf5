import { describe, expect, it } from "vitest";
import { UPLOAD_ID_PATTERN, attachmentTypeOf, cleanFileName } from "@/lib/uploads/upload-rules";

describe("upload rules", () => {
  it("maps allowed content types to Messenger attachment types and refuses the rest", () => {
    expect(attachmentTypeOf("image/JPEG")).toBe("image");
    expect(attachmentTypeOf("video/mp4; codecs=avc1")).toBe("video");
    expect(attachmentTypeOf("audio/mpeg")).toBe("audio");
    expect(attachmentTypeOf("application/pdf")).toBe("file");
    expect(attachmentTypeOf("image/svg+xml")).toBeNull();
    expect(attachmentTypeOf("text/html")).toBeNull();
    expect(attachmentTypeOf("")).toBeNull();
  });

  it("keeps only a safe display name", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\ha\\báo giá.pdf")).toBe("báo giá.pdf");
    expect(cleanFileName("a\r\nb.txt")).toBe("ab.txt");
    expect(cleanFileName("")).toBe("file");
  });

  it("accepts only ids that cannot name anything but a stored upload", () => {
    expect(UPLOAD_ID_PATTERN.test("A".repeat(32))).toBe(true);
    expect(UPLOAD_ID_PATTERN.test("../" + "A".repeat(29))).toBe(false);
    expect(UPLOAD_ID_PATTERN.test("A".repeat(32) + ".json")).toBe(false);
  });
});
