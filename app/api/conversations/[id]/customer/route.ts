// The customer card of a conversation: for whoever may see the conversation (404 for anyone else).
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { customerCardPatchSchema } from "@/lib/contacts/customer-card-input";
import { getCustomerCard } from "@/lib/contacts/get-customer-card";
import { updateCustomerCard } from "@/lib/contacts/update-customer-card";

type Context = { params: Promise<{ id: string }> };

/** GET: {card, detectedPhones}, the numbers the customer wrote in this conversation, newest first. */
export const GET = jsonRoute<Context>(async (_request, { params }) => {
  const user = await requireUser();
  return NextResponse.json(await getCustomerCard(user, (await params).id));
});

/** PATCH {phone?, address?, notes?}: absent fields stay, null or "" empties one. */
export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireUser();
  const patch = await readJson(request, customerCardPatchSchema);
  return NextResponse.json({ card: await updateCustomerCard(user, (await params).id, patch) });
});
