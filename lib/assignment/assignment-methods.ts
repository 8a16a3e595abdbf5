// The rule methods ("Phương thức chia"), without zod: the rule form imports these in the browser, and
// zod there probes `new Function`, which the pages' Content-Security-Policy reports as a violation.
export const assignmentMethods = ["round_robin", "self_claim", "least_loaded"] as const;
export type AssignmentMethod = (typeof assignmentMethods)[number];

/** Methods that hand conversations out themselves (the rest wait for "Nhận chat"). */
export const distributingMethods: readonly AssignmentMethod[] = ["round_robin", "least_loaded"];
