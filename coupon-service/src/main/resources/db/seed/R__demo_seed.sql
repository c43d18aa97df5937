-- Demo coupon templates (profile local), fixed ids so demos and system tests can name them.
INSERT IGNORE INTO coupon_template (id, name, discount_cents, min_spend_cents, total_count, claimed_count,
                                    per_user_limit, valid_from, valid_until, created_at)
VALUES (1, '5 off 50',   500,  5000,  1000, 0, 3, '2026-01-01 00:00:00.000', '2030-12-31 23:59:59.999', UTC_TIMESTAMP(3)),
       (2, '20 off 200', 2000, 20000, 100,  0, 1, '2026-01-01 00:00:00.000', '2030-12-31 23:59:59.999', UTC_TIMESTAMP(3));
