"use client";

import { createContext, type ReactNode, useContext } from "react";

// An error boundary renders in the browser, where no translation library is shipped: the root
// layout hands it its three texts, in the page's language, from the messages files.

export interface ErrorTexts {
  title: string;
  text: string;
  retry: string;
}

// The root layout always provides them; these are never shown.
const ErrorTextsContext = createContext<ErrorTexts>({
  title: "Something went wrong",
  text: "Please try again in a moment.",
  retry: "Try again",
});

export function ErrorTextsProvider({
  texts,
  children,
}: {
  texts: ErrorTexts;
  children: ReactNode;
}) {
  return <ErrorTextsContext value={texts}>{children}</ErrorTextsContext>;
}

export const useErrorTexts = () => useContext(ErrorTextsContext);
