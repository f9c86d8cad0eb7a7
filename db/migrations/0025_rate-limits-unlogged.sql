-- Rate-limit counts are worth a minute: they need not survive a crash, nor reach replicas, so
-- their writes (one per request) skip the write-ahead log and its flush at every commit. After a
-- crash the table comes back empty: every client starts a fresh window.
ALTER TABLE "rate_limits" SET UNLOGGED;
