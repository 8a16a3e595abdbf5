// Admins create, rename and recolour the workspace's labels. A name is unique in its folded form
// ("hoi gia" is "Hỏi giá"), enforced by the unique index on (workspace, nameKey) so two saves racing
// cannot both win; the refusal names the label that already has it.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { normalizeSearchName } from "@/lib/inbox/search-name";
import { createLabelInputSchema, labelName, updateLabelInputSchema, type CreateLabelInput, type LabelDto, type UpdateLabelInput } from "@/lib/labels/label-input";
import { publishLabelsChanged } from "@/lib/labels/publish-labels-changed";

const labelDtoSelect = { id: true, name: true, color: true } as const;

export async function createLabel(user: SessionUser, rawInput: CreateLabelInput): Promise<LabelDto> {
  assertAdmin(user);
  const input = createLabelInputSchema.parse(rawInput);
  const name = labelName(input.name);
  const label = await translateSaveErrors(user, name, () =>
    db().label.create({ data: { workspaceId: user.workspaceId, name, nameKey: normalizeSearchName(name), color: input.color }, select: labelDtoSelect }),
  );
  publishLabelsChanged(user.workspaceId);
  return label;
}

export async function updateLabel(user: SessionUser, labelId: string, rawInput: UpdateLabelInput): Promise<LabelDto> {
  assertAdmin(user);
  const input = updateLabelInputSchema.parse(rawInput);
  const name = input.name === undefined ? undefined : labelName(input.name);
  const data = { ...(name === undefined ? {} : { name, nameKey: normalizeSearchName(name) }), ...(input.color === undefined ? {} : { color: input.color }) };
  const label = await translateSaveErrors(user, name ?? "", async () => {
    // Scoped to the admin's workspace: another workspace's label id is "not found", not changed.
    const { count } = await db().label.updateMany({ where: { id: labelId, workspaceId: user.workspaceId }, data });
    if (count === 0) throw new AppError("not_found", "No such label in this workspace.");
    return db().label.findUniqueOrThrow({ where: { id: labelId }, select: labelDtoSelect });
  });
  publishLabelsChanged(user.workspaceId);
  return label;
}

async function translateSaveErrors<T>(user: SessionUser, name: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    const existing = await db().label.findFirst({ where: { workspaceId: user.workspaceId, nameKey: normalizeSearchName(name) }, select: { name: true } });
    const taken = existing?.name ?? name;
    throw new AppError("conflict", `A label named "${taken}" already exists.`, { reason: "label_name_taken", name: taken }, { name: ["label_name_taken"] });
  }
}
