// The settings pages' wrapper around the rule form: after "Lưu" it returns to the list of rules.
"use client";
import { useRouter } from "next/navigation";
import type { RuleDto } from "@/lib/assignment/rule-dto";
import type { RuleFormOptions } from "@/lib/assignment/list-rule-form-options";
import { RuleForm } from "@/components/rules/rule-form";

export function RuleEditor({ rule, options }: { rule?: RuleDto; options: RuleFormOptions }) {
  const router = useRouter();
  return (
    <RuleForm
      rule={rule}
      options={options}
      onSaved={() => {
        router.push("/settings/rules");
        router.refresh();
      }}
    />
  );
}
