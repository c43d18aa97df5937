-- Reconciliation checks every order changed within its window (24 h by default) against the participants.
CREATE INDEX idx_orders_updated ON orders (updated_at);
