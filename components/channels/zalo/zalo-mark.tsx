// Zalo's mark beside its name on the channels overview: the blue square of Zalo's own buttons with
// its wordmark. Decorative: the card's heading names the platform.
export function ZaloMark() {
  return (
    <span className="flex size-10 items-center justify-center rounded-lg bg-[#0068ff] text-sm font-bold text-white" aria-hidden>
      Zalo
    </span>
  );
}
