// The settings pages' wrapper around the rule form: after "Lưu" it returns to the list of rules.
"use client";
import { useRouter } from "next/navigation";
import type { RuleDto } from "@/lib/assignment/rule-dto";
import type { RuleFormOptions } from "@/lib/assignment/list-rule-form-options";
import { RuleForm } from "@/components/rules/rule-form";

/** `preselectedChannelId`: a page ticked from the start (a new rule a staff member asked for). */
export function RuleEditor({ rule, options, preselectedChannelId }: { rule?: RuleDto; options: RuleFormOptions; preselectedChannelId?: string }) {
  const router = useRouter();
  return (
    <RuleForm
      rule={rule}
      options={options}
      preselectedChannelId={preselectedChannelId}
      onSaved={() => {
        router.push("/settings/rules");
        router.refresh();
      }}
    />
  );
}
