-- Templates: claimed_count only grows through a guarded UPDATE and can never pass total_count.
CREATE TABLE coupon_template (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  name            VARCHAR(100) NOT NULL,
  discount_cents  BIGINT       NOT NULL,
  min_spend_cents BIGINT       NOT NULL,
  total_count     INT          NOT NULL,
  claimed_count   INT          NOT NULL DEFAULT 0,
  per_user_limit  INT          NOT NULL,
  valid_from      DATETIME(3)  NOT NULL,
  valid_until     DATETIME(3)  NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_template_discount CHECK (discount_cents >= 1),
  CONSTRAINT ck_template_min_spend CHECK (min_spend_cents >= 0),
  CONSTRAINT ck_template_total CHECK (total_count >= 1),
  CONSTRAINT ck_template_claimed CHECK (claimed_count >= 0 AND claimed_count <= total_count),
  CONSTRAINT ck_template_per_user CHECK (per_user_limit >= 1),
  CONSTRAINT ck_template_validity CHECK (valid_until > valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A claimed coupon. claim_seq numbers a user's claims of one template (1..per_user_limit): the
-- unique key is the final guard of the per-user limit. Discount, minimum spend and validity are
-- copied from the template when claimed.
CREATE TABLE user_coupon (
  coupon_id       VARCHAR(32) NOT NULL,
  template_id     BIGINT      NOT NULL,
  user_id         VARCHAR(64) NOT NULL,
  claim_seq       INT         NOT NULL,
  status          VARCHAR(16) NOT NULL,
  order_no        VARCHAR(32) NULL,
  discount_cents  BIGINT      NOT NULL,
  min_spend_cents BIGINT      NOT NULL,
  valid_until     DATETIME(3) NOT NULL,
  created_at      DATETIME(3) NOT NULL,
  updated_at      DATETIME(3) NOT NULL,
  PRIMARY KEY (coupon_id),
  UNIQUE KEY uk_user_coupon_claim (template_id, user_id, claim_seq),
  KEY idx_user_coupon_user (user_id),
  KEY idx_user_coupon_order (order_no),
  CONSTRAINT ck_user_coupon_status CHECK (status IN ('AVAILABLE', 'LOCKED', 'USING', 'USED', 'RELEASING')),
  CONSTRAINT ck_user_coupon_seq CHECK (claim_seq >= 1),
  -- a coupon away from AVAILABLE always belongs to an order, an available one never does
  CONSTRAINT ck_user_coupon_order CHECK ((status = 'AVAILABLE') = (order_no IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Idempotency of claims: one row per (user, Idempotency-Key), written with the coupon.
CREATE TABLE coupon_claim_request (
  user_id         VARCHAR(64)  NOT NULL,
  idempotency_key VARCHAR(100) NOT NULL,
  request_hash    CHAR(64)     NOT NULL,
  coupon_id       VARCHAR(32)  NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS tcc_fence_log (
  xid VARCHAR(128) NOT NULL, branch_id BIGINT NOT NULL, action_name VARCHAR(64) NOT NULL,
  status TINYINT NOT NULL COMMENT 'tried:1 committed:2 rollbacked:3 suspended:4',
  gmt_create DATETIME(3) NOT NULL, gmt_modified DATETIME(3) NOT NULL,
  PRIMARY KEY (xid, branch_id), KEY idx_gmt_modified (gmt_modified), KEY idx_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
