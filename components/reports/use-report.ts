// The report for one query string: asked again whenever it changes (an older answer still on its
// way is dropped), and on "Thử lại". The last answer stays shown while the next one loads, so
// switching a filter does not blank the page; whether the shown answer is the current one follows
// from which request it answered, not from a flag to keep in step.
"use client";
import { useCallback, useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ReportAnswer } from "@/components/reports/report-types";

interface Outcome {
  /** The request it ends: the query string and the attempt. */
  key: string;
  error: unknown;
}

/** `onToday` (stable, e.g. a state setter) hears the shop's today from every answer. */
export function useReport(search: string | null, onToday: (today: string) => void) {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = search === null ? null : `${attempt}:${search}`;

  useEffect(() => {
    if (key === null || search === null) return;
    const controller = new AbortController();
    apiFetch<ReportAnswer>(`/api/reports?${search}`, { signal: controller.signal }).then(
      (next) => {
        if (controller.signal.aborted) return;
        setAnswer(next);
        setOutcome({ key, error: null });
        onToday(next.options.today);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setOutcome({ key, error });
      },
    );
    return () => controller.abort();
  }, [key, search, onToday]);

  const status: "loading" | "ready" | "error" =
    key !== null && outcome?.key === key ? (outcome.error ? "error" : "ready") : "loading";
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { status, answer, error: status === "error" ? outcome?.error : null, retry };
}
