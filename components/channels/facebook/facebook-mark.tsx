// Facebook's mark beside its name: the blue square with the "f" of Facebook's own buttons. Decorative.
export function FacebookMark() {
  return (
    <span className="flex size-10 items-center justify-center rounded-lg bg-[#0866ff] text-lg font-bold text-white" aria-hidden>
      f
    </span>
  );
}
