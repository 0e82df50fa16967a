-- Beliefs synced by devices (io.freeagentics.cloud.ingest writes, io.freeagentics.cloud.beliefs reads).
-- Portable between H2 2.x and PostgreSQL 13+. docs/cloud-ingest.md describes every column.

-- One row per beliefs message stored (and acknowledged) from a device. The primary key is the deduplication key:
-- a second copy of (fleet, device, sequence) is dropped. state is the device's whole belief set after the message
-- (the snapshot itself, or the delta applied to its base) as a wire snapshot frame: the base of later deltas.
CREATE TABLE belief_message (
  fleet            VARCHAR(64) NOT NULL,
  device           VARCHAR(64) NOT NULL,
  sequence         BIGINT      NOT NULL,
  kind             SMALLINT    NOT NULL,  -- wire type byte: 1 snapshot, 2 delta
  base_sequence    BIGINT,                -- a delta's base; null for a snapshot
  agents           INTEGER     NOT NULL,  -- agents the message carried (a delta: the agents that changed)
  edge_millis      BIGINT      NOT NULL,  -- header timestampMillis: the edge tick's wall clock
  persisted_millis BIGINT      NOT NULL,  -- the cloud's clock when the batch was written
  state            BYTEA       NOT NULL,
  CONSTRAINT pk_belief_message PRIMARY KEY (fleet, device, sequence)
);

-- One row per agent and message that carried it: history by tick. codes = io.freeagentics.cloud.beliefs.StoredBeliefs
-- (the device's 8-bit LogCodec codes, DENSE or LIST per factor). The primary key serves the history query
-- (fleet, device, agent, tick range ordered by tick) and the latest-per-agent query (the same, descending).
CREATE TABLE belief_history (
  fleet       VARCHAR(64) NOT NULL,
  device      VARCHAR(64) NOT NULL,
  agent       INTEGER     NOT NULL,
  tick        BIGINT      NOT NULL,
  sequence    BIGINT      NOT NULL,
  edge_millis BIGINT      NOT NULL,
  codes       BYTEA       NOT NULL,
  CONSTRAINT pk_belief_history PRIMARY KEY (fleet, device, agent, tick, sequence)
);

-- One row per device that synced beliefs: its newest stored message and its largest agent id, so the latest
-- beliefs of all agents of a device are found with one index lookup per agent.
CREATE TABLE belief_device (
  fleet            VARCHAR(64) NOT NULL,
  device           VARCHAR(64) NOT NULL,
  latest_sequence  BIGINT      NOT NULL,
  max_agent        INTEGER     NOT NULL,
  updated_millis   BIGINT      NOT NULL,
  CONSTRAINT pk_belief_device PRIMARY KEY (fleet, device)
);
