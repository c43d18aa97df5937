-- Reconciliation checks every order changed within its window (24 h by default) against the participants.
-- A high version number: other migrations of this service are numbered from V2 up.
CREATE INDEX idx_orders_updated ON orders (updated_at);
