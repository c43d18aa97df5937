-- Reconciliation sums the reservations per sku and status (frozen = live ones, sold = SOLD ones) from this index
-- alone, without reading the rows.
CREATE INDEX idx_stock_reservation_sku_status ON stock_reservation (sku_id, status, quantity);
