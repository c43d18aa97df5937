CREATE TABLE orders (
  order_no            VARCHAR(32)  NOT NULL PRIMARY KEY,
  user_id             VARCHAR(64)  NOT NULL,
  status              VARCHAR(20)  NOT NULL,
  total_cents         BIGINT       NOT NULL,
  discount_cents      BIGINT       NOT NULL DEFAULT 0,
  payable_cents       BIGINT       NOT NULL,
  coupon_id           VARCHAR(32)  NULL,
  payment_no          VARCHAR(32)  NULL,
  idempotency_key     VARCHAR(64)  NOT NULL,
  request_hash        CHAR(64)     NOT NULL,
  pay_idempotency_key VARCHAR(64)  NULL,
  place_xid           VARCHAR(128) NULL,
  cancel_reason       VARCHAR(16)  NULL,
  expire_at           DATETIME(3)  NOT NULL,
  paid_at             DATETIME(3)  NULL,
  created_at          DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at          DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  -- one order per (user, Idempotency-Key), whatever the locks do
  UNIQUE KEY uk_orders_user_idempotency (user_id, idempotency_key),
  KEY idx_orders_user_created (user_id, created_at),
  KEY idx_orders_status_expire (status, expire_at),
  CONSTRAINT ck_orders_money CHECK (total_cents >= 0 AND discount_cents >= 0 AND payable_cents >= 0
    AND payable_cents = total_cents - discount_cents)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE order_item (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_no         VARCHAR(32)  NOT NULL,
  sku_id           VARCHAR(64)  NOT NULL,
  name             VARCHAR(200) NOT NULL,
  quantity         INT          NOT NULL,
  unit_price_cents BIGINT       NOT NULL,
  UNIQUE KEY uk_order_item (order_no, sku_id),
  CONSTRAINT ck_order_item CHECK (quantity > 0 AND unit_price_cents >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS tcc_fence_log (
  xid          VARCHAR(128) NOT NULL,
  branch_id    BIGINT       NOT NULL,
  action_name  VARCHAR(64)  NOT NULL,
  status       TINYINT      NOT NULL COMMENT 'tried:1 committed:2 rollbacked:3 suspended:4',
  gmt_create   DATETIME(3)  NOT NULL,
  gmt_modified DATETIME(3)  NOT NULL,
  PRIMARY KEY (xid, branch_id),
  KEY idx_gmt_modified (gmt_modified),
  KEY idx_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
