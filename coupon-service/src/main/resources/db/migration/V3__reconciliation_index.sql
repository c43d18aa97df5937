-- Reconciliation lists the coupons held for orders (LOCKED, USING, RELEASING) and the ones used recently.
CREATE INDEX idx_user_coupon_status_updated ON user_coupon (status, updated_at);
