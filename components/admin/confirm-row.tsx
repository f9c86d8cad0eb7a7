import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/**
 * A question asked in a list row before removing something for good, as a plain form: the
 * server action runs on "yes"; "keep" is a link back to the list without the question.
 */
export function ConfirmRow(props: {
  action: () => Promise<void>;
  question: string;
  confirmLabel: string;
  keepHref: string;
  keepLabel: string;
}) {
  return (
    <form
      action={props.action}
      className="flex w-full flex-wrap items-center gap-2 rounded-md bg-red-50 p-2 text-sm"
    >
      <span role="alert" className="flex-1">
        {props.question}
      </span>
      <button type="submit" className="rounded-md bg-red-700 px-3 py-1 font-medium text-white">
        {props.confirmLabel}
      </button>
      <Link href={props.keepHref} className={buttonClass("secondary", "sm")}>
        {props.keepLabel}
      </Link>
    </form>
  );
}

/**
 * A list row's "edit" and "delete" links, or, once "delete" was chosen (the list's `?confirm=`),
 * the question before deleting.
 */
export function EditDeleteActions(props: {
  name: string;
  editHref: string;
  editLabel: string;
  /** The list with this row's question open. */
  confirmHref: string;
  deleteLabel: string;
  confirming: boolean;
  confirm: Parameters<typeof ConfirmRow>[0];
}) {
  if (props.confirming) return <ConfirmRow {...props.confirm} />;
  return (
    <div className="flex gap-2">
      <Link
        href={props.editHref}
        className={buttonClass("secondary", "sm")}
        aria-label={`${props.editLabel} ${props.name}`}
      >
        {props.editLabel}
      </Link>
      <Link
        href={props.confirmHref}
        className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-800 hover:bg-red-50"
        aria-label={`${props.deleteLabel} ${props.name}`}
      >
        {props.deleteLabel}
      </Link>
    </div>
  );
}
