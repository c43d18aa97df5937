-- A buyer admitted to a flash sale (by the Redis admission script) holds a ticket until it becomes an order.
-- QUEUED -> ORDERED (order_no) | FAILED (reason, the unit and the buyer's quota go back to the sale);
-- ORDERED -> RELEASED when the order is cancelled (user or payment deadline; the unit goes back to the sale).
CREATE TABLE flash_ticket (
  ticket_id       VARCHAR(32)  NOT NULL PRIMARY KEY,
  sale_id         VARCHAR(32)  NOT NULL,
  user_id         VARCHAR(64)  NOT NULL,
  idempotency_key VARCHAR(100) NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  order_no        VARCHAR(32)  NULL,
  reason          VARCHAR(64)  NULL,
  created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_flash_ticket_key (sale_id, user_id, idempotency_key),
  UNIQUE KEY uk_flash_ticket_order (order_no),
  KEY idx_flash_ticket_sale_status (sale_id, status),
  KEY idx_flash_ticket_status (status, created_at),
  KEY idx_flash_ticket_user (user_id, sale_id),
  CONSTRAINT ck_flash_ticket_status CHECK (status IN ('QUEUED', 'ORDERED', 'FAILED', 'RELEASED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
