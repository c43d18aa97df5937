-- the order-summary projection of the order events
CREATE TABLE user_order_summary (
  user_id          VARCHAR(64) NOT NULL PRIMARY KEY,
  orders_placed    BIGINT      NOT NULL DEFAULT 0,
  orders_paid      BIGINT      NOT NULL DEFAULT 0,
  orders_cancelled BIGINT      NOT NULL DEFAULT 0,
  orders_timed_out BIGINT      NOT NULL DEFAULT 0,
  paid_cents       BIGINT      NOT NULL DEFAULT 0,
  updated_at       DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- events a consumer has applied, written in the transaction of their effect
CREATE TABLE processed_event (
  consumer     VARCHAR(64) NOT NULL,
  event_id     VARCHAR(40) NOT NULL,
  processed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (consumer, event_id),
  KEY idx_processed_event_at (processed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
