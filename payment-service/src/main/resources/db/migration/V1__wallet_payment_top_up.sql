-- Wallets: money moves balance -> frozen (Try) -> paid (Confirm) or back to balance (Cancel).
-- The table CHECK keeps the money invariant on every row change.
CREATE TABLE wallet (
  user_id         VARCHAR(64) NOT NULL,
  balance_cents   BIGINT      NOT NULL DEFAULT 0,
  frozen_cents    BIGINT      NOT NULL DEFAULT 0,
  paid_cents      BIGINT      NOT NULL DEFAULT 0,
  refunded_cents  BIGINT      NOT NULL DEFAULT 0,
  topped_up_cents BIGINT      NOT NULL DEFAULT 0,
  created_at      DATETIME(3) NOT NULL,
  updated_at      DATETIME(3) NOT NULL,
  PRIMARY KEY (user_id),
  CONSTRAINT ck_wallet_balance CHECK (balance_cents >= 0),
  CONSTRAINT ck_wallet_frozen CHECK (frozen_cents >= 0),
  CONSTRAINT ck_wallet_paid CHECK (paid_cents >= 0),
  CONSTRAINT ck_wallet_refunded CHECK (refunded_cents >= 0),
  CONSTRAINT ck_wallet_topped_up CHECK (topped_up_cents >= 0),
  CONSTRAINT ck_wallet_money CHECK (balance_cents + frozen_cents + paid_cents - refunded_cents = topped_up_cents)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per wallet-debit Try. active_order_no is the order number while the payment is not
-- CANCELLED and NULL after: the unique key allows at most one live payment per order and any
-- number of cancelled ones (NULLs do not collide).
CREATE TABLE payment (
  payment_no      VARCHAR(32)  NOT NULL,
  order_no        VARCHAR(32)  NOT NULL,
  user_id         VARCHAR(64)  NOT NULL,
  amount_cents    BIGINT       NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  xid             VARCHAR(128) NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  updated_at      DATETIME(3)  NOT NULL,
  active_order_no VARCHAR(32) AS (IF(status <> 'CANCELLED', order_no, NULL)) PERSISTENT,
  PRIMARY KEY (payment_no),
  UNIQUE KEY uk_active_order (active_order_no),
  KEY idx_payment_order (order_no),
  KEY idx_payment_user (user_id),
  CONSTRAINT ck_payment_amount CHECK (amount_cents > 0),
  CONSTRAINT ck_payment_status CHECK (status IN ('TRYING', 'SUCCEEDED', 'CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Admin top-ups, idempotent per (admin, Idempotency-Key); the wallet as it was right after the
-- top-up is kept so a replay answers exactly what the first request answered.
CREATE TABLE top_up (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  user_id            VARCHAR(64)  NOT NULL,
  requested_by       VARCHAR(64)  NOT NULL,
  idempotency_key    VARCHAR(100) NOT NULL,
  amount_cents       BIGINT       NOT NULL,
  balance_after_cents BIGINT      NULL,
  frozen_after_cents BIGINT       NULL,
  created_at         DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_top_up_key (requested_by, idempotency_key),
  KEY idx_top_up_user (user_id),
  CONSTRAINT ck_top_up_amount CHECK (amount_cents > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS tcc_fence_log (
  xid VARCHAR(128) NOT NULL, branch_id BIGINT NOT NULL, action_name VARCHAR(64) NOT NULL,
  status TINYINT NOT NULL COMMENT 'tried:1 committed:2 rollbacked:3 suspended:4',
  gmt_create DATETIME(3) NOT NULL, gmt_modified DATETIME(3) NOT NULL,
  PRIMARY KEY (xid, branch_id), KEY idx_gmt_modified (gmt_modified), KEY idx_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
