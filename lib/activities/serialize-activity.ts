import type { Activity } from "@/db/schema";
import { fromMinorUnits } from "@/lib/i18n/money";

/** The contract's activity object (plus the additive scheduling fields). */
export function toActivityJson(activity: Activity, currency: string) {
  return {
    id: activity.id,
    name: activity.name,
    description: activity.description,
    durationMinutes: activity.durationMinutes,
    color: activity.color,
    price: fromMinorUnits(activity.priceMinor, currency),
    requiredFields: {
      phone: activity.requirePhone,
      address: activity.requireAddress,
      customField: activity.requireCustomField,
      customFieldLabel: activity.customFieldLabel,
    },
    reminderSettings: {
      enabled: activity.reminderEnabled,
      hoursBefore: activity.reminderHoursBefore,
    },
    minimumBookingNoticeHours: activity.minimumNoticeHours,
    bufferBeforeMinutes: activity.bufferBeforeMinutes,
    bufferAfterMinutes: activity.bufferAfterMinutes,
    maxAdvanceDays: activity.maxAdvanceDays,
    onlineBooking: activity.onlineBooking,
    resourceKind: activity.resourceKind,
    capacity: activity.capacity,
    // Additive: in person, on video, or either.
    modes: activity.modes,
    // Additive: what is paid online at booking.
    payment: {
      rule: activity.paymentRule,
      depositAmount:
        activity.depositMinor === null ? null : fromMinorUnits(activity.depositMinor, currency),
      depositPercent: activity.depositPercent,
    },
  };
}

/** What customers may see: no reminder settings. */
export function toPublicActivityJson(activity: Activity, currency: string) {
  const { reminderSettings: _, ...publicFields } = toActivityJson(activity, currency);
  return publicFields;
}
