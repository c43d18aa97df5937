-- An order a coupon or a price of 0 leaves nothing to pay is paid with a payment of 0 (its receipt): a paid order
-- always has exactly one successful payment, for its payable amount (issue 20, finding 5).
ALTER TABLE payment DROP CONSTRAINT ck_payment_amount;
ALTER TABLE payment ADD CONSTRAINT ck_payment_amount CHECK (amount_cents >= 0);
