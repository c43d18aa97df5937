-- the XIDs of an order's pay and cancel global transactions (the latest of each), for the admin lookup
ALTER TABLE orders
  ADD COLUMN pay_xid    VARCHAR(128) NULL AFTER place_xid,
  ADD COLUMN cancel_xid VARCHAR(128) NULL AFTER pay_xid;

-- every admin action on an order, whatever its outcome
CREATE TABLE admin_audit (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  actor         VARCHAR(64)  NOT NULL,
  at            DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  order_no      VARCHAR(32)  NOT NULL,
  action        VARCHAR(32)  NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  status_before VARCHAR(20)  NULL,
  status_after  VARCHAR(20)  NULL,
  outcome       VARCHAR(32)  NOT NULL,
  detail        VARCHAR(1000) NULL,
  KEY idx_admin_audit_order (order_no, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
