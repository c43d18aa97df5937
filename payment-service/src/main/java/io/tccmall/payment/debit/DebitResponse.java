package io.tccmall.payment.debit;

record DebitResponse(String paymentNo) {

}
