-- Identifiers and keys compare case-sensitively (utf8mb4_bin): SKU-1 and sku-1 are different skus, and rows sort
-- in the same order as Java sorts the skus it locks.
-- Products and their stock. Every change of a quantity is a guarded UPDATE; the CHECKs are the last line of
-- defence, including the invariant the reconciliation relies on:
--   available + frozen + sold = initial_stock + restocked
CREATE TABLE product (
  sku_id        VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL,
  name          VARCHAR(200) NOT NULL,
  price_cents   BIGINT       NOT NULL,
  available     INT          NOT NULL,
  frozen        INT          NOT NULL DEFAULT 0,
  sold          INT          NOT NULL DEFAULT 0,
  restocked     INT          NOT NULL DEFAULT 0,
  initial_stock INT          NOT NULL,
  created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (sku_id),
  CONSTRAINT ck_product_price_cents CHECK (price_cents >= 0),
  CONSTRAINT ck_product_available CHECK (available >= 0),
  CONSTRAINT ck_product_frozen CHECK (frozen >= 0),
  CONSTRAINT ck_product_sold CHECK (sold >= 0),
  CONSTRAINT ck_product_restocked CHECK (restocked >= 0),
  CONSTRAINT ck_product_initial_stock CHECK (initial_stock >= 0),
  CONSTRAINT ck_product_stock_balance CHECK (available + frozen + sold = initial_stock + restocked)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per (order, sku): the business key that makes the stock-reserve Try idempotent.
-- TRYING -> HELD | CANCELLED;  HELD -> SELLING -> SOLD (or back to HELD);  HELD -> RELEASING -> RELEASED (or back).
CREATE TABLE stock_reservation (
  id         BIGINT      NOT NULL AUTO_INCREMENT,
  order_no   VARCHAR(32) COLLATE utf8mb4_bin NOT NULL,
  sku_id     VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
  quantity   INT         NOT NULL,
  status     VARCHAR(16) NOT NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_stock_reservation_order_sku (order_no, sku_id),
  KEY idx_stock_reservation_status (status, updated_at),
  CONSTRAINT ck_stock_reservation_quantity CHECK (quantity > 0),
  CONSTRAINT ck_stock_reservation_status
    CHECK (status IN ('TRYING', 'HELD', 'CANCELLED', 'SELLING', 'SOLD', 'RELEASING', 'RELEASED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Admin restocks, idempotent per (admin, Idempotency-Key); written in the same transaction as the stock change.
CREATE TABLE restock (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  sku_id          VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL,
  requested_by    VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  idempotency_key VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  quantity        INT          NOT NULL,
  created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_restock_idempotency (requested_by, idempotency_key),
  KEY idx_restock_sku (sku_id),
  CONSTRAINT ck_restock_quantity CHECK (quantity > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS tcc_fence_log (
  xid VARCHAR(128) NOT NULL, branch_id BIGINT NOT NULL, action_name VARCHAR(64) NOT NULL,
  status TINYINT NOT NULL COMMENT 'tried:1 committed:2 rollbacked:3 suspended:4',
  gmt_create DATETIME(3) NOT NULL, gmt_modified DATETIME(3) NOT NULL,
  PRIMARY KEY (xid, branch_id), KEY idx_gmt_modified (gmt_modified), KEY idx_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
