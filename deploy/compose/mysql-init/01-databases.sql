-- One database per service (the services' Flyway migrations create the tables), and the Seata TC's (db store).
CREATE DATABASE IF NOT EXISTS tccmall_order CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS tccmall_inventory CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS tccmall_payment CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS tccmall_coupon CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS tccmall_seata CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
