import { type DocumentProps, Head, Html, Main, NextScript } from "next/document";
import { defaultLocale } from "@/lib/i18n/locales";

/** The same <html> and <body> as app/layout.tsx, in the page's language. */
export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  const locale = __NEXT_DATA__.props?.pageProps?.locale ?? defaultLocale;
  return (
    <Html lang={locale}>
      <Head>
        <meta name="description" content="Online appointment booking" />
        {/* app/icon.svg, which the App Router's pages link by themselves. */}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
