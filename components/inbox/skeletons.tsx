// Grey placeholders while the list or a thread loads, announced once to screen readers.
export function ListSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="divide-y divide-slate-100">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="flex animate-pulse gap-3 px-4 py-3">
          <div className="size-10 shrink-0 rounded-full bg-slate-200" />
          <div className="flex-1 space-y-2 py-1">
            <div className="h-3 w-2/5 rounded bg-slate-200" />
            <div className="h-3 w-4/5 rounded bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  );
}

export function ThreadSkeleton({ label }: { label: string }) {
  const widths = ["w-2/5", "w-1/3", "w-1/2", "w-1/4", "w-2/5"];
  return (
    <div role="status" aria-label={label} className="flex flex-1 flex-col justify-end gap-3 p-4">
      {widths.map((width, index) => (
        <div key={index} className={`flex animate-pulse ${index % 2 ? "justify-end" : "justify-start"}`}>
          <div className={`h-9 ${width} rounded-2xl ${index % 2 ? "bg-brand-100" : "bg-slate-200"}`} />
        </div>
      ))}
    </div>
  );
}
