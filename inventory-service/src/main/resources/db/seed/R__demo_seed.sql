-- Demo catalogue for the local profile: 1000 units of each sku. INSERT IGNORE keeps it idempotent and never
-- overwrites stock that orders have already moved.
INSERT IGNORE INTO product (sku_id, name, price_cents, available, frozen, sold, restocked, initial_stock) VALUES
  ('SKU-0001', 'Ceramic Pour-Over Coffee Dripper', 2499, 1000, 0, 0, 0, 1000),
  ('SKU-0002', 'Organic Arabica Coffee Beans 1 kg', 3299, 1000, 0, 0, 0, 1000),
  ('SKU-0003', 'Stainless Steel Water Bottle 750 ml', 1899, 1000, 0, 0, 0, 1000),
  ('SKU-0004', 'Wireless Noise-Cancelling Headphones', 24900, 1000, 0, 0, 0, 1000),
  ('SKU-0005', 'Mechanical Keyboard, Brown Switches', 8999, 1000, 0, 0, 0, 1000),
  ('SKU-0006', 'USB-C Charging Cable 2 m', 499, 1000, 0, 0, 0, 1000),
  ('SKU-0007', 'Merino Wool Running Socks', 1499, 1000, 0, 0, 0, 1000),
  ('SKU-0008', 'Trail Running Shoes', 12900, 1000, 0, 0, 0, 1000),
  ('SKU-0009', 'Cast Iron Skillet 26 cm', 3999, 1000, 0, 0, 0, 1000),
  ('SKU-0010', 'Hardcover Notebook, Dotted, A5', 1299, 1000, 0, 0, 0, 1000),
  ('SKU-0011', '27-inch 4K Monitor', 129900, 1000, 0, 0, 0, 1000),
  ('SKU-0012', 'LED Desk Lamp with Dimmer', 4599, 1000, 0, 0, 0, 1000);
