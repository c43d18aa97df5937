-- Demo wallets (profile local). INSERT IGNORE: never overwrites a wallet that already moved money.
INSERT IGNORE INTO wallet (user_id, balance_cents, frozen_cents, paid_cents, refunded_cents, topped_up_cents,
                           created_at, updated_at)
VALUES ('alice', 1000000, 0, 0, 0, 1000000, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
       ('bob',   1000000, 0, 0, 0, 1000000, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
       ('admin', 0,       0, 0, 0, 0,       UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));
