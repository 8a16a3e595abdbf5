// Where the Facebook emulator's world is kept between runs (see ../shared/world-saver.ts).
import type { WorldStore as GenericWorldStore } from "../shared/world-saver";
import type { WorldSnapshot } from "./world-snapshot";

export type WorldStore = GenericWorldStore<WorldSnapshot>;
