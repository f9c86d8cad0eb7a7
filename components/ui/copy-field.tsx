"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A value to copy: read-only and selected on focus, with a copy button that says when it worked.
 * With `reveal`, it scrolls into view and takes focus when it appears (a secret shown once).
 */
export function CopyField({
  id,
  label,
  value,
  copyLabel,
  copiedLabel,
  reveal = false,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  reveal?: boolean;
  testId?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!reveal) return;
    input.current?.scrollIntoView({ block: "center", behavior: "smooth" });
    input.current?.focus({ preventScroll: true });
    input.current?.select();
  }, [reveal]);

  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Without the clipboard API (plain http on another host), the value stays selected.
      document.execCommand?.("copy");
    }
    setCopied(true);
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs"
        />
        <button
          type="button"
          onClick={copy}
          className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
        >
          {copyLabel}
        </button>
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs text-emerald-800">
        {copied ? copiedLabel : ""}
      </p>
    </div>
  );
}
