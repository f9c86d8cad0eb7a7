"use client";

import type { MouseEvent } from "react";
import { Button } from "./button";

const tones = {
  warning: { box: "border-amber-300 bg-amber-50", button: "bg-amber-700" },
  danger: { box: "border-red-200 bg-red-50", button: "bg-red-700" },
};

/**
 * A question asked in place (an alert dialog) before something irreversible or unusual, with its
 * answers; focus stays where the person is, and nothing happens until they answer.
 */
export function ConfirmDialog(props: {
  id: string;
  tone: keyof typeof tones;
  question: string;
  confirmLabel: string;
  onConfirm: (event: MouseEvent<HTMLButtonElement>) => void;
  /** Without it, leaving the question unanswered is the way out. */
  cancel?: { label: string; onCancel: () => void };
  busy?: boolean;
  className?: string;
}) {
  const tone = tones[props.tone];
  return (
    <div
      role="alertdialog"
      aria-labelledby={props.id}
      className={`rounded-md border p-3 text-sm ${tone.box} ${props.className ?? ""}`}
    >
      <p id={props.id}>{props.question}</p>
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          disabled={props.busy}
          onClick={props.onConfirm}
          className={`rounded-md px-3 py-1 font-medium text-white disabled:opacity-60 ${tone.button}`}
        >
          {props.confirmLabel}
        </button>
        {props.cancel && (
          <Button variant="secondary" onClick={props.cancel.onCancel}>
            {props.cancel.label}
          </Button>
        )}
      </div>
    </div>
  );
}
