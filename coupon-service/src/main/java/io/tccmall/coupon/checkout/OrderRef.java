package io.tccmall.coupon.checkout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record OrderRef(@NotBlank @Size(max = 32) String orderNo) {

}
