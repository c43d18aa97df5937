-- events written in the transaction of the change that causes them; the relay publishes them to Kafka in id order
CREATE TABLE outbox_event (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id     VARCHAR(40)  NOT NULL,
  topic        VARCHAR(100) NOT NULL,
  event_key    VARCHAR(64)  NOT NULL,
  event_type   VARCHAR(64)  NOT NULL,
  payload      TEXT         NOT NULL,
  created_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  published_at DATETIME(3)  NULL,
  UNIQUE KEY uk_outbox_event_id (event_id),
  -- the relay's "oldest unpublished first" and the lag check read this index only
  KEY idx_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- one row per relay; a relay round locks it (SKIP LOCKED), so one instance publishes at a time, in order
CREATE TABLE outbox_relay (
  name VARCHAR(64) NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
