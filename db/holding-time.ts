import { sql } from "drizzle-orm";
import { holdingStatuses } from "./schema";

// SQL fragments of the schema's rules on time, for raw queries in any layer.

/** The statuses that hold time, as a list for `status in (…)` in raw SQL. */
export const holdingStatusList = sql.join(
  holdingStatuses.map((s) => sql`${s}::appointment_status`),
  sql`, `,
);

/**
 * The no-overlap constraints' predicate, for queries over `appointments` alone: appointments that
 * hold time of their own (a class's seats hold their session's, which the trigger checks). Written
 * the constraints' way so that their GiST indexes serve the query.
 */
export const holdsOwnTime = sql`status in (${holdingStatusList}) and class_session_id is null`;
