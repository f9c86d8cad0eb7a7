"use client";

import { type RefObject, useEffect, useRef } from "react";

/** After a refused submit (a new `attempt`), focus goes to the first field marked invalid. */
export function useFocusFirstProblem(form: RefObject<HTMLFormElement | null>, attempt: number) {
  useEffect(() => {
    if (attempt) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [form, attempt]);
}

/**
 * Asks before leaving a form with changes not yet saved: closing or reloading the tab (the
 * browser's own question) and following any link of the app (ours, since the App Router's
 * navigations never unload the page). After each answer (`attempt`), `unsaved` says whether it
 * kept typed values without saving them, as a refused submit does.
 */
export function useUnsavedChanges(
  form: RefObject<HTMLFormElement | null>,
  question: string,
  answer: { attempt: number; unsaved: boolean } = { attempt: 0, unsaved: false },
) {
  const dirty = useRef(false);
  const { attempt, unsaved } = answer;
  useEffect(() => {
    if (attempt) dirty.current = unsaved;
  }, [attempt, unsaved]);
  useEffect(() => {
    const inForm = (event: Event) => form.current?.contains(event.target as Node) ?? false;
    const edited = (event: Event) => {
      if (inForm(event)) dirty.current = true;
    };
    const submitted = (event: Event) => {
      if (inForm(event)) dirty.current = false;
    };
    const leaving = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    const following = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!dirty.current || !link || link.getAttribute("target") === "_blank") return;
      if (link.getAttribute("href")?.startsWith("#")) return;
      if (window.confirm(question)) {
        dirty.current = false;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    document.addEventListener("input", edited);
    document.addEventListener("change", edited);
    document.addEventListener("submit", submitted);
    // Capturing: it runs before the framework's own link handling.
    document.addEventListener("click", following, true);
    window.addEventListener("beforeunload", leaving);
    return () => {
      document.removeEventListener("input", edited);
      document.removeEventListener("change", edited);
      document.removeEventListener("submit", submitted);
      document.removeEventListener("click", following, true);
      window.removeEventListener("beforeunload", leaving);
    };
  }, [form, question]);
}
