-- Flash sales: units moved out of a sku's normal stock into a sale (flash_stock), sold only through the sale's
-- admission. Stock conservation becomes available + frozen + sold + flash_stock = initial_stock + restocked, and
-- per sku flash_stock = the remaining units of its sales.
ALTER TABLE product ADD COLUMN flash_stock INT NOT NULL DEFAULT 0 AFTER sold;
ALTER TABLE product DROP CONSTRAINT ck_product_stock_balance;
ALTER TABLE product ADD CONSTRAINT ck_product_flash_stock CHECK (flash_stock >= 0);
ALTER TABLE product ADD CONSTRAINT ck_product_stock_balance
  CHECK (available + frozen + sold + flash_stock = initial_stock + restocked);

-- a reservation of a flash-sale order goes back to its sale when released
ALTER TABLE stock_reservation ADD COLUMN sale_id VARCHAR(32) COLLATE utf8mb4_bin NULL AFTER sku_id;

CREATE TABLE flash_sale (
  sale_id                  VARCHAR(32)  COLLATE utf8mb4_bin NOT NULL,
  sku_id                   VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL,
  units                    INT          NOT NULL,
  -- units not reserved by an order: the source of truth the Redis admission is rebuilt from
  remaining                INT          NOT NULL,
  price_cents              BIGINT       NOT NULL,
  starts_at                DATETIME(3)  NOT NULL,
  ends_at                  DATETIME(3)  NOT NULL,
  per_user_limit           INT          NOT NULL,
  payment_deadline_seconds INT          NOT NULL,
  created_by               VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  idempotency_key          VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  request_hash             CHAR(64)     NOT NULL,
  created_at               DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at               DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (sale_id),
  UNIQUE KEY uk_flash_sale_idempotency (created_by, idempotency_key),
  KEY idx_flash_sale_sku (sku_id),
  KEY idx_flash_sale_ends (ends_at),
  CONSTRAINT ck_flash_sale_units CHECK (units > 0 AND remaining >= 0 AND remaining <= units),
  CONSTRAINT ck_flash_sale_window CHECK (ends_at > starts_at),
  CONSTRAINT ck_flash_sale_terms CHECK (price_cents >= 0 AND per_user_limit > 0 AND payment_deadline_seconds > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
