// The HTTP status a route would answer for a domain call: the domain functions throw, jsonRoute maps
// what they throw to a status (lib/http/json-route.ts), so tests can check refusals without HTTP.
import { errorResponse } from "../../lib/http/json-route";

export async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (error) {
    return errorResponse(error).status;
  }
}
