-- The repair of branches whose global transaction the TC forgot finds the order by any of its XIDs (issue 20)
ALTER TABLE orders
  ADD KEY idx_orders_place_xid (place_xid),
  ADD KEY idx_orders_pay_xid (pay_xid),
  ADD KEY idx_orders_cancel_xid (cancel_xid);
