import type { DefaultSession } from "next-auth";
import type { Role } from "@/db/schema";

interface TenantClaims {
  tenantId: string;
  tenantSlug: string;
  role: Role;
  /** The user's session version when they signed in: a later one ends the session. */
  sessionVersion: number;
}

declare module "next-auth" {
  interface User extends TenantClaims {
    id: string;
  }
  interface Session {
    user: DefaultSession["user"] & TenantClaims & { id: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT extends TenantClaims {
    userId: string;
  }
}
