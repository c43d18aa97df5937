package io.tccmall.bench.rawsql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.tccmall.bench.BenchData;

/**
 * The business writes of one checkout (place + pay of one unit, no coupon: what the
 * bench's checkout scenario makes the four services write) as ONE local transaction on
 * one connection, without the fence log, the TC, the idempotency records or the outbox:
 * the order and its item, the reservation row and the guarded stock update, the guarded
 * wallet update and the payment row, each in its final state.
 */
final class RawCheckout implements AutoCloseable {

	private final Connection connection;

	private final PreparedStatement order;

	private final PreparedStatement item;

	private final PreparedStatement stock;

	private final PreparedStatement reservation;

	private final PreparedStatement wallet;

	private final PreparedStatement payment;

	RawCheckout(Connection connection) throws SQLException {
		this.connection = connection;
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		this.order = connection.prepareStatement("INSERT INTO orders (order_no, user_id, status, total_cents,"
				+ " discount_cents, payable_cents, payment_no, idempotency_key, request_hash, pay_idempotency_key,"
				+ " expire_at, paid_at) VALUES (?, ?, 'PAID', ?, 0, ?, ?, ?, ?, ?,"
				+ " NOW(3) + INTERVAL 15 MINUTE, NOW(3))");
		this.item = connection.prepareStatement("INSERT INTO order_item (order_no, sku_id, name, quantity,"
				+ " unit_price_cents) VALUES (?, ?, ?, 1, ?)");
		this.stock = connection.prepareStatement("UPDATE product SET available = available - 1, sold = sold + 1"
				+ " WHERE sku_id = ? AND available >= 1");
		this.reservation = connection.prepareStatement(
				"INSERT INTO stock_reservation (order_no, sku_id, quantity, status) VALUES (?, ?, 1, 'SOLD')");
		this.wallet = connection.prepareStatement("UPDATE wallet SET balance_cents = balance_cents - ?,"
				+ " paid_cents = paid_cents + ?, updated_at = NOW(3) WHERE user_id = ? AND balance_cents >= ?");
		this.payment = connection.prepareStatement("INSERT INTO payment (payment_no, order_no, user_id,"
				+ " amount_cents, status, xid, created_at, updated_at) VALUES (?, ?, ?, ?, 'SUCCEEDED', '-', NOW(3),"
				+ " NOW(3))");
	}

	void run(String orderNo, String user, String sku) throws SQLException {
		try {
			long amount = BenchData.PRICE_CENTS;
			String paymentNo = "P" + orderNo.substring(1);
			this.order.setString(1, orderNo);
			this.order.setString(2, user);
			this.order.setLong(3, amount);
			this.order.setLong(4, amount);
			this.order.setString(5, paymentNo);
			this.order.setString(6, orderNo);
			this.order.setString(7, "0".repeat(64));
			this.order.setString(8, orderNo);
			this.order.executeUpdate();
			this.item.setString(1, orderNo);
			this.item.setString(2, sku);
			this.item.setString(3, "bench " + sku);
			this.item.setLong(4, amount);
			this.item.executeUpdate();
			this.reservation.setString(1, orderNo);
			this.reservation.setString(2, sku);
			this.reservation.executeUpdate();
			this.payment.setString(1, paymentNo);
			this.payment.setString(2, orderNo);
			this.payment.setString(3, user);
			this.payment.setLong(4, amount);
			this.payment.executeUpdate();
			// the contended rows last, so their locks are held for the commit only
			this.stock.setString(1, sku);
			expectOneRow(this.stock.executeUpdate(), "stock of " + sku);
			this.wallet.setLong(1, amount);
			this.wallet.setLong(2, amount);
			this.wallet.setString(3, user);
			this.wallet.setLong(4, amount);
			expectOneRow(this.wallet.executeUpdate(), "wallet of " + user);
			this.connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			this.connection.rollback();
			throw ex;
		}
	}

	private static void expectOneRow(int rows, String what) throws SQLException {
		if (rows != 1) {
			throw new SQLException("guarded update of the " + what + " matched no row");
		}
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
