// Reply uploads on the local disk (one process; upload-store-disk.ts).
import { describeUploadStore } from "../support/upload-store-cases";

await describeUploadStore("disk");
