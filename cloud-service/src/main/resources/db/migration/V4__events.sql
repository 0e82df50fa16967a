-- Events devices report (DeviceEvent frames on fa/v1/{fleet}/{device}/events: a sensor failing, the runtime
-- stopping). io.freeagentics.cloud.ingest writes, io.freeagentics.cloud.events reads and purges after
-- fa.events.retention. Portable between H2 2.x and PostgreSQL 13+.

-- One row per event stored. The primary key is the deduplication key (a second copy of (fleet, device, sequence) is
-- dropped) and serves the list of a device's events, newest first.
CREATE TABLE device_event (
  fleet         VARCHAR(64)   NOT NULL,
  device        VARCHAR(64)   NOT NULL,
  sequence      BIGINT        NOT NULL,
  kind          VARCHAR(64)   NOT NULL,  -- DeviceEvent.kind: error, stopped, ...
  edge_millis   BIGINT        NOT NULL,  -- header timestampMillis: the device's clock when it happened
  stored_millis BIGINT        NOT NULL,  -- the cloud's clock when the batch was written
  body          VARCHAR(8192) NOT NULL,  -- the device's JSON record (at most 8 KiB of UTF-8 on the wire)
  CONSTRAINT pk_device_event PRIMARY KEY (fleet, device, sequence)
);
-- Serves the retention purge (stored_millis < cutoff).
CREATE INDEX ix_device_event_stored ON device_event (stored_millis);
