-- Per-user caps on what unpaid orders hold (issue 20, finding 6). One row per user who ever placed an order: a place
-- locks it (INSERT ... ON DUPLICATE KEY UPDATE) before it counts the user's unpaid orders and writes its own, so two
-- places of one user cannot both squeeze under a cap (under READ COMMITTED a count alone locks no gap).
CREATE TABLE order_holder (
  user_id VARCHAR(64) NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- the caps count a user's orders by status
CREATE INDEX idx_orders_user_status ON orders (user_id, status);
