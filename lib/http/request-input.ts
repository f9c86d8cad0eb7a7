import type { NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** The secret of an `Authorization: Bearer` header, when one was sent. */
export const bearerOf = (headers: Headers): string | undefined =>
  /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1];

/** The query string as a plain object (the last value of a repeated parameter wins). */
export const queryOf = (req: NextRequest) => Object.fromEntries(req.nextUrl.searchParams);

/** A path id that is not a UUID names nothing: 404, like an id that does not exist. */
export function resourceId(value: string | undefined): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  return parsed.data.toLowerCase();
}
