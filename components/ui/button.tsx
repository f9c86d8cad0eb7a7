import type { ComponentProps } from "react";

const variants = {
  primary: "bg-slate-900 font-medium text-white hover:bg-slate-700",
  secondary: "border border-slate-300 bg-white hover:bg-slate-50",
  danger: "bg-red-700 font-medium text-white hover:bg-red-800",
  // The business's own colour, for what its customers click.
  brand: "bg-brand-600 font-medium text-white hover:bg-brand-700",
  quiet: "text-slate-600 hover:bg-slate-100",
};
const sizes = {
  sm: "px-2.5 py-1 text-sm",
  md: "px-3 py-1.5 text-sm",
  lg: "px-4 py-2 text-sm",
  // A public page's call to action, at the page's text size.
  cta: "px-5 py-2.5",
};

export type ButtonVariant = keyof typeof variants;

/** The classes of a button, for what must look like one without being one (a link). */
export function buttonClass(
  variant: ButtonVariant = "primary",
  size: keyof typeof sizes = "md",
  className = "",
) {
  return `rounded-md disabled:opacity-60 ${variants[variant]} ${sizes[size]} ${className}`.trim();
}

/** A button; `type` defaults to "button", so that only an explicit submit submits a form. */
export function Button({
  variant = "primary",
  size = "md",
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: keyof typeof sizes }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
