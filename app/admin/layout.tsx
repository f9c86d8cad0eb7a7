import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SkipLink } from "@/components/ui/skip-link";
import { requirePageCaller } from "@/lib/access/page-caller";

const sections = [
  { href: "/admin", key: "calendar" },
  { href: "/admin/appointments", key: "appointments" },
  { href: "/admin/customers", key: "customers" },
  { href: "/admin/activities", key: "activities" },
  { href: "/admin/availability", key: "availability" },
  { href: "/admin/team", key: "team" },
  { href: "/admin/messages", key: "messages" },
  { href: "/admin/reviews", key: "reviews" },
  { href: "/admin/statistics", key: "statistics" },
  { href: "/admin/settings", key: "settings" },
] as const;

/** "Camille Martin" → "CM"; an address → its first letter. */
const initials = (name: string) =>
  (name.includes("@") ? [name] : name.split(/\s+/).filter(Boolean).slice(0, 2))
    .map((part) => part[0]?.toUpperCase())
    .join("");

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { tenant, user } = await requirePageCaller();
  const t = await getTranslations("admin");
  const tc = await getTranslations("common");
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <span className="max-w-full truncate font-semibold">{tenant.name}</span>
          <nav aria-label={t("nav.label")} className="flex flex-wrap gap-1 text-sm">
            {sections.map((s) => (
              <Link key={s.key} href={s.href} className="rounded-md px-2 py-1.5 hover:bg-slate-100">
                {t(`nav.${s.key}`)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            {/* Who is signed in, as initials (the name on hover and for screen readers): the menu
                needs the room, and the header stays one line at 1280 px. */}
            <span
              aria-hidden="true"
              title={`${user.name ?? user.email} · ${t(`role.${user.role}`)}`}
              className="flex h-7 w-7 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700"
            >
              {initials(user.name ?? user.email ?? "")}
            </span>
            <span className="sr-only">
              {user.name ?? user.email} · {t(`role.${user.role}`)}
            </span>
            <SignOutButton label={tc("signOut")} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl p-4 [overflow-wrap:anywhere]">
        {children}
      </main>
    </div>
  );
}
