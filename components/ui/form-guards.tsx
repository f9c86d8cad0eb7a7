"use client";

import { type RefObject, useEffect, useRef } from "react";

/** After a refused submit (a new `attempt`), focus goes to the first field marked invalid. */
export function useFocusFirstProblem(form: RefObject<HTMLFormElement | null>, attempt: number) {
  useEffect(() => {
    if (attempt) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [form, attempt]);
}

/**
 * Asks before leaving while `isDirty()` says there are changes not yet saved: closing or
 * reloading the tab (the browser's own question) and following any link of the app (ours, since
 * the App Router's navigations never unload the page).
 */
export function useLeaveWarning(isDirty: () => boolean, question: string) {
  const dirty = useRef(isDirty);
  dirty.current = isDirty;
  useEffect(() => {
    const leaving = (event: BeforeUnloadEvent) => {
      if (dirty.current()) event.preventDefault();
    };
    const following = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank") return;
      if (link.getAttribute("href")?.startsWith("#") || !dirty.current()) return;
      if (window.confirm(question)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Capturing: it runs before the framework's own link handling.
    document.addEventListener("click", following, true);
    window.addEventListener("beforeunload", leaving);
    return () => {
      document.removeEventListener("click", following, true);
      window.removeEventListener("beforeunload", leaving);
    };
  }, [question]);
}

/**
 * useLeaveWarning for a form: dirty once a field is edited, clean once submitted. After each
 * answer (`attempt`), `unsaved` says whether it kept typed values without saving them, as a
 * refused submit does.
 */
export function useUnsavedChanges(
  form: RefObject<HTMLFormElement | null>,
  question: string,
  answer: { attempt: number; unsaved: boolean },
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
    document.addEventListener("input", edited);
    document.addEventListener("change", edited);
    document.addEventListener("submit", submitted);
    return () => {
      document.removeEventListener("input", edited);
      document.removeEventListener("change", edited);
      document.removeEventListener("submit", submitted);
    };
  }, [form]);
  useLeaveWarning(() => dirty.current, question);
}
