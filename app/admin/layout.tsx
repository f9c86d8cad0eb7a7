import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SkipLink } from "@/components/ui/skip-link";
import { requirePageCaller } from "@/lib/auth/page-caller";

const sections = [
  { href: "/admin", key: "calendar" },
  { href: "/admin/appointments", key: "appointments" },
  { href: "/admin/customers", key: "customers" },
  { href: "/admin/activities", key: "activities" },
  { href: "/admin/availability", key: "availability" },
  { href: "/admin/team", key: "team" },
  { href: "/admin/messages", key: "messages" },
  { href: "/admin/statistics", key: "statistics" },
  { href: "/admin/settings", key: "settings" },
] as const;

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { tenant, user } = await requirePageCaller();
  const t = await getTranslations("admin");
  const tc = await getTranslations("common");
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="max-w-full truncate font-semibold">{tenant.name}</span>
          <nav aria-label="Admin" className="flex flex-wrap gap-1 text-sm">
            {sections.map((s) => (
              <Link key={s.key} href={s.href} className="rounded-md px-3 py-1.5 hover:bg-slate-100">
                {t(`nav.${s.key}`)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="max-w-48 truncate text-slate-600">
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
