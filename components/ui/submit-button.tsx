// The submit button of a form whose submission is JavaScript (fetch, signIn). Until React has
// hydrated the page it stays disabled: a click would be lost, and pressing Enter would make the
// browser submit the form itself, with its fields, to the page's own URL.
"use client";
import { useSyncExternalStore, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";

const subscribe = () => () => {};

export function SubmitButton(props: Omit<ComponentProps<typeof Button>, "type">) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return <Button {...props} type="submit" disabled={props.disabled || !hydrated} />;
}
