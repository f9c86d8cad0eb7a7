import type { AppProps } from "next/app";
import "@/app/globals.css";

// The Pages Router serves only the booking page (see pages/book/[activityId].tsx).
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
