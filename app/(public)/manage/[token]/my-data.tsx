import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Input } from "@/components/ui/input";
import { hrefWith } from "@/lib/http/page-params";
import { eraseMyDataAction } from "./actions";

/** The customer's data: a copy to download or read, and erasing it (asked for once more). */
export async function MyData(props: {
  token: string;
  business: string;
  /** The manage page's path, and its shown zone to keep. */
  path: string;
  tz?: string;
  confirming: boolean;
}) {
  const t = await getTranslations("manage");
  const { path, tz, token } = props;
  return (
    <div className="mt-5 space-y-2 text-sm">
      <p>
        <a href={`${path}/my-data.json`} download className="underline">
          {t("myData", { business: props.business })}
        </a>{" "}
        ·{" "}
        <Link href={`${path}/my-data`} className="underline">
          {t("myDataPage")}
        </Link>
      </p>
      {props.confirming ? (
        <div
          role="alertdialog"
          aria-labelledby="erase-title"
          aria-describedby="erase-text"
          className="rounded-xl bg-red-50 p-4 ring-1 ring-red-200"
        >
          <h2 id="erase-title" className="font-semibold text-red-900">
            {t("eraseTitle")}
          </h2>
          <p id="erase-text" className="mt-1 text-red-900">
            {t("eraseText", { business: props.business })}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <form action={eraseMyDataAction.bind(null, token)}>
              <button
                type="submit"
                className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
              >
                {t("eraseConfirm")}
              </button>
            </form>
            <Link
              href={hrefWith(path, { tz })}
              className="rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-white"
            >
              {t("eraseKeep")}
            </Link>
          </div>
        </div>
      ) : (
        <p>
          <Link href={hrefWith(path, { tz, confirm: "erase" })} className="underline">
            {t("erase")}
          </Link>
        </p>
      )}
    </div>
  );
}

/** The booking's private link, to copy: whoever holds it may change the booking. */
export async function PrivateLink({ url }: { url: string }) {
  const t = await getTranslations("manage");
  return (
    <div className="mt-5">
      <label htmlFor="private-link" className="text-sm font-medium">
        {t("privateLink")}
      </label>
      <Input
        id="private-link"
        readOnly
        value={url}
        aria-describedby="private-link-help"
        className="mt-1 w-full bg-slate-50 font-mono text-xs"
      />
      <p id="private-link-help" className="mt-1 text-xs text-slate-600">
        {t("privateLinkHelp")}
      </p>
    </div>
  );
}
