-- Reconciliation: paid/frozen per wallet sum the payments per user and status from the first index alone; the
-- second finds the payments that changed recently, the third the orders with more than one successful payment.
CREATE INDEX idx_payment_user_status ON payment (user_id, status, amount_cents);
CREATE INDEX idx_payment_status_updated ON payment (status, updated_at);
CREATE INDEX idx_payment_status_order ON payment (status, order_no);
