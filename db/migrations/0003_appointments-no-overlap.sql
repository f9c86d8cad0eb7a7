-- No double booking, ever: two appointments of one business that hold their time (pending or
-- confirmed) can never overlap, buffers included. Each booking's range already carries its own
-- buffers, so the buffers of neighbouring bookings add up. Cancelling leaves the constraint's
-- WHERE clause and frees the time at once. The GiST index behind it also serves the slots query
-- (holding appointments overlapping a range).
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'confirmed'));
