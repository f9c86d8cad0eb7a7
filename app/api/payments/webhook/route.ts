// POST /api/payments/webhook – Stripe's events, verified against the raw body's signature
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/other-methods";
import { readLimitedText } from "@/lib/http/read-json";
import { receiveWebhook } from "@/lib/payments/webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const config = env().stripe;
    if (!config) throw new AppError("NOT_FOUND");
    const body = await readLimitedText(request);
    await receiveWebhook(await getDb(), config, body, request.headers.get("stripe-signature"));
    return NextResponse.json({ received: true });
  } catch (error) {
    return errorResponse(error, "en");
  }
}

// Any other method: a JSON 405.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
