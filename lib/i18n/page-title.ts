import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** A page's `generateMetadata`: its title from the messages, in the business's language. */
export const pageTitle =
  (key: string, extra: Metadata = {}) =>
  async (): Promise<Metadata> => {
    const t = await getTranslations();
    return { ...extra, title: t(key as Parameters<typeof t>[0]) };
  };
