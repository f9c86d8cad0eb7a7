import PDFDocument from "pdfkit";
import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { getCustomer } from "@/lib/customers";
import { formatDateTime, formatPrice, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { publicLocations } from "@/lib/locations";
import { type MyPayment, myPaidPayment } from "./my-payments";

/** Who paid and where, as the receipt names them. */
export interface ReceiptParties {
  business: Pick<Tenant, "name" | "address" | "contactEmail" | "vatRateBp" | "timeZone">;
  place: { name: string; address: string | null; timeZone: string } | null;
  customer: { name: string; email: string };
}

const texts = { fr: fr.account.receipt, en: en.account.receipt };

// PDF's standard fonts write Windows-1252: Intl's narrow no-break space (French thousands, "€")
// is not in it; the plain no-break space is.
const printable = (text: string) => text.replace(/\u202f/g, "\u00a0");

/** The VAT a price includes at `rateBp` hundredths of a percent, in minor units. */
export const includedVat = (amountMinor: number, rateBp: number) =>
  Math.round((amountMinor * rateBp) / (10_000 + rateBp));

/**
 * A payment's receipt as a PDF (pdfkit, A4, the standard Helvetica): the business, the date, the
 * service and its appointment, the amount with the VAT it includes when the business sets a rate,
 * the way it was paid, and what was refunded since.
 */
export function receiptPdf(payment: MyPayment, parties: ReceiptParties, locale: Locale) {
  const t = texts[locale];
  const { business, place, customer } = parties;
  const zone = place?.timeZone ?? business.timeZone;
  const money = (minor: number) => printable(formatPrice(minor, payment.currency, locale));
  const when = (date: Date) =>
    printable(`${formatDateTime(date, zone, locale)} (${zoneCity(zone)})`);
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `${t.title} ${business.name}`, Author: business.name },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(20).text(printable(business.name));
  doc.font("Helvetica").fontSize(10).fillColor("#334155");
  for (const line of [place?.address ?? business.address, business.contactEmail]) {
    if (line) doc.text(printable(line));
  }
  doc.moveDown(1.5).fillColor("#0f172a").font("Helvetica-Bold").fontSize(16).text(t.title);
  doc.font("Helvetica").fontSize(10).moveDown(0.5);
  const row = (label: string, value: string) => {
    doc.font("Helvetica-Bold").text(`${label} `, { continued: true });
    doc.font("Helvetica").text(printable(value));
  };
  row(t.number, payment.id.slice(0, 8).toUpperCase());
  row(t.paidOn, payment.paidAt ? when(payment.paidAt) : "—");
  row(t.customer, `${customer.name} <${customer.email}>`);
  doc.moveDown();
  row(t.service, payment.activityName);
  row(t.appointment, when(payment.appointmentStartsAt));
  if (place) row(t.place, place.name);
  doc.moveDown();
  row(payment.rule === "deposit" ? t.deposit : t.amount, money(payment.amountMinor));
  if (business.vatRateBp !== null) {
    row(
      t.vat.replace("{rate}", printable((business.vatRateBp / 100).toLocaleString(locale))),
      money(includedVat(payment.amountMinor, business.vatRateBp)),
    );
  }
  row(t.method, t.card);
  if (payment.refundedMinor > 0) {
    row(t.refunded, money(payment.refundedMinor));
    row(t.net, money(payment.amountMinor - payment.refundedMinor));
  }
  doc.end();
  return done;
}

/** The receipt of one of the customer's payments, in their language (else the business's). */
export async function customerReceipt(
  db: Database,
  tenant: Tenant,
  customerId: string,
  paymentId: string,
) {
  const [payment, customer, places] = await Promise.all([
    myPaidPayment(db, tenant, customerId, paymentId),
    getCustomer(db, tenant.id, customerId),
    publicLocations(db, tenant),
  ]);
  const place = places.find((p) => p.id === payment.locationId) ?? null;
  return receiptPdf(
    payment,
    { business: tenant, place, customer },
    customer.locale ?? tenant.locale,
  );
}

/** The HTTP answer of a receipt: a PDF file to download. */
export const receiptResponse = (pdf: Buffer, paymentId: string) =>
  new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="receipt-${paymentId.slice(0, 8)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
