-- Work owed after a commit wakes its worker through the database itself: each outbox row a change
-- writes (a message, a webhook delivery, a Stripe event, a payment's hold or refund) sends
-- "<queue> <epoch ms when due>" on the channel rendezvous_wake. PostgreSQL delivers notifications
-- only when the transaction commits (never for a rolled-back one) and merges identical ones, and
-- every instance listening hears them, whichever instance made the change.
CREATE FUNCTION rendezvous_wake() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  due timestamptz := now();
BEGIN
  IF TG_TABLE_NAME = 'outbound_messages' THEN
    due := NEW.send_after;
  ELSIF TG_TABLE_NAME = 'webhook_deliveries' THEN
    due := NEW.next_attempt_at;
  ELSIF TG_TABLE_NAME = 'payments' THEN
    -- (Nested: plpgsql evaluates both sides of an AND, and other tables lack these columns.)
    IF NEW.refund_due_minor = 0 THEN
      due := NEW.expires_at;
    END IF;
  END IF;
  PERFORM pg_notify('rendezvous_wake', TG_ARGV[0] || ' ' || floor(extract(epoch FROM due) * 1000)::bigint);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER outbound_messages_wake AFTER INSERT ON outbound_messages
  FOR EACH ROW WHEN (NEW.status = 'queued') EXECUTE FUNCTION rendezvous_wake('messages');
--> statement-breakpoint
CREATE TRIGGER outbound_messages_requeued_wake AFTER UPDATE OF status, send_after ON outbound_messages
  FOR EACH ROW WHEN (NEW.status = 'queued' AND (OLD.status <> 'queued' OR OLD.send_after <> NEW.send_after))
  EXECUTE FUNCTION rendezvous_wake('messages');
--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_wake AFTER INSERT ON webhook_deliveries
  FOR EACH ROW WHEN (NEW.status = 'pending') EXECUTE FUNCTION rendezvous_wake('webhooks');
--> statement-breakpoint
-- A claim leaves the row pending and due: only a new time or a return to pending wakes anyone.
CREATE TRIGGER webhook_deliveries_rescheduled_wake AFTER UPDATE OF status, next_attempt_at ON webhook_deliveries
  FOR EACH ROW WHEN (NEW.status = 'pending' AND (OLD.status <> 'pending' OR OLD.next_attempt_at <> NEW.next_attempt_at))
  EXECUTE FUNCTION rendezvous_wake('webhooks');
--> statement-breakpoint
CREATE TRIGGER webhook_endpoints_enabled_wake AFTER UPDATE OF enabled ON webhook_endpoints
  FOR EACH ROW WHEN (NEW.enabled AND NOT OLD.enabled) EXECUTE FUNCTION rendezvous_wake('webhooks');
--> statement-breakpoint
CREATE TRIGGER payment_events_wake AFTER INSERT ON payment_events
  FOR EACH ROW EXECUTE FUNCTION rendezvous_wake('payments');
--> statement-breakpoint
-- A hold wakes the worker when it ends; a refund decided, at once.
CREATE TRIGGER payments_wake AFTER INSERT ON payments
  FOR EACH ROW EXECUTE FUNCTION rendezvous_wake('payments');
--> statement-breakpoint
CREATE TRIGGER payments_refund_due_wake AFTER UPDATE OF refund_due_minor, expires_at ON payments
  FOR EACH ROW WHEN (NEW.refund_due_minor > OLD.refund_due_minor OR (NEW.status = 'pending' AND NEW.expires_at <> OLD.expires_at))
  EXECUTE FUNCTION rendezvous_wake('payments');
