import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { findTenantBySlug, TENANT_HEADER } from "@/lib/tenants";
import { text } from "@/lib/validation";
import { authSecret } from "./secret";
import { endSessions } from "./sessions";
import { SIGN_IN_ELSEWHERE } from "./sign-in-error";
import { businessOfAccountElsewhere, verifyCredentials } from "./verify-credentials";

const signInSchema = z.object({
  email: text().min(1).max(320),
  password: text().min(1).max(200),
});

let options: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  // Without NEXTAUTH_URL, next-auth takes its redirects' origin from the request (the forwarded
  // host and protocol, as publicOrigin does) only when told to trust it; otherwise it assumes
  // localhost:3000, and signing out on any other port or subdomain lands on an error page.
  process.env.AUTH_TRUST_HOST ??= "1";
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          // The business comes from proxy.ts, never from the sign-in form.
          const slug = req.headers?.[TENANT_HEADER];
          if (!parsed.success || typeof slug !== "string") return null;
          const db = await getDb();
          const tenant = await findTenantBySlug(db, slug);
          if (!tenant) return null;
          const { email, password } = parsed.data;
          const user = await verifyCredentials(db, tenant, email, password);
          if (!user) {
            const elsewhere = await businessOfAccountElsewhere(db, tenant, email, password);
            // next-auth hands a thrown message to the form as the sign-in's `error`.
            if (elsewhere) throw new Error(`${SIGN_IN_ELSEWHERE}${elsewhere}`);
            return null;
          }
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            tenantId: tenant.id,
            tenantSlug: tenant.slug,
            role: user.role,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
    ],
    events: {
      // Signing out ends the session everywhere, not only in this browser: the cookie alone
      // would stay valid until it expires.
      async signOut({ token }) {
        if (token?.userId && token.tenantId) {
          await endSessions(await getDb(), token.tenantId, token.userId);
        }
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.tenantId = user.tenantId;
          token.tenantSlug = user.tenantSlug;
          token.role = user.role;
          token.sessionVersion = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.userId,
          tenantId: token.tenantId,
          tenantSlug: token.tenantSlug,
          role: token.role,
          sessionVersion: token.sessionVersion,
        };
        return session;
      },
    },
  };
  return options;
}
