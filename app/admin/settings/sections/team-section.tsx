import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConfirmRow } from "@/components/admin/confirm-row";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { Caller } from "@/lib/auth/authenticate";
import type { PublicUser } from "@/lib/users/create-user";
import {
  addMemberAction,
  changeRoleAction,
  removeMemberAction,
  resetPasswordAction,
} from "../actions";

const roles = ["staff", "admin", "owner"] as const;

/** The people who sign in to the business: their roles, password resets, and a new member. */
export async function TeamSection(props: {
  users: PublicUser[];
  caller: Caller;
  canManage: boolean;
  /** The member whose removal is being confirmed. */
  confirmRemove?: string;
  message: React.ReactNode;
}) {
  const [t, tf, tr] = await Promise.all([
    getTranslations("admin.settings"),
    getTranslations("admin.forms"),
    getTranslations("admin.role"),
  ]);
  const roleOptions = roles.map((role) => (
    <option key={role} value={role}>
      {tr(role)}
    </option>
  ));
  return (
    <Card id="team" title={t("team")} titleId="team-title">
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {props.users.map((u) => {
          const runs = props.caller.role === "owner" && u.id !== props.caller.id;
          return (
            <li key={u.id} className="flex flex-wrap items-center gap-2 py-2" data-member={u.email}>
              <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
                {u.name} · {u.email} {u.id === props.caller.id && t("you")}
                {!runs && <span className="ml-2 text-slate-600">{tr(u.role)}</span>}
              </span>
              {runs && props.confirmRemove === u.id ? (
                <ConfirmRow
                  action={removeMemberAction.bind(null, u.id)}
                  question={t("removeQuestion", { name: u.name })}
                  confirmLabel={t("remove")}
                  keepHref="/admin/settings#team"
                  keepLabel={tf("keep")}
                />
              ) : (
                runs && (
                  <>
                    <form
                      action={changeRoleAction.bind(null, u.id)}
                      className="flex items-center gap-1"
                    >
                      <Select
                        compact
                        className="text-sm"
                        name="role"
                        defaultValue={u.role}
                        aria-label={t("roleOf", { name: u.name })}
                      >
                        {roleOptions}
                      </Select>
                      <Button type="submit" variant="secondary" size="sm">
                        {t("changeRole")}
                      </Button>
                    </form>
                    <details className="relative">
                      <summary className={buttonClass("secondary", "sm", "cursor-pointer")}>
                        {t("resetPassword")}
                      </summary>
                      <form
                        action={resetPasswordAction.bind(null, u.id)}
                        className="mt-1 flex flex-wrap items-center gap-1"
                      >
                        <Input
                          compact
                          className="text-sm"
                          name="password"
                          type="password"
                          minLength={8}
                          required
                          autoComplete="new-password"
                          aria-label={t("newPasswordFor", { name: u.name })}
                        />
                        <Button type="submit" size="sm">
                          {t("setPassword")}
                        </Button>
                      </form>
                    </details>
                    <Link
                      href={`/admin/settings?remove=${u.id}#team`}
                      className="rounded-md border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50"
                      aria-label={t("removeNamed", { name: u.name })}
                    >
                      {t("remove")}
                    </Link>
                  </>
                )
              )}
            </li>
          );
        })}
      </ul>
      {props.message}
      {props.canManage && (
        <form action={addMemberAction} className="mt-3 grid gap-3 sm:grid-cols-5 sm:items-end">
          <Field id="member-name" label={t("memberName")}>
            <Input compact id="member-name" name="name" className="text-sm mt-1 w-full" />
          </Field>
          <Field id="member-email" label={t("email")}>
            <Input
              compact
              id="member-email"
              name="email"
              type="email"
              required
              className="text-sm mt-1 w-full"
            />
          </Field>
          <Field id="member-password" label={t("password")}>
            <Input
              compact
              id="member-password"
              name="password"
              type="password"
              minLength={8}
              required
              autoComplete="new-password"
              className="text-sm mt-1 w-full"
            />
          </Field>
          <Field id="member-role" label={t("role")}>
            <Select
              compact
              id="member-role"
              name="role"
              defaultValue="staff"
              className="text-sm mt-1 w-full"
            >
              {roleOptions}
            </Select>
          </Field>
          <Button type="submit">{t("addMember")}</Button>
        </form>
      )}
    </Card>
  );
}
