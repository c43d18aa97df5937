package io.tccmall.common.feign;

import io.tccmall.common.web.BusinessException;
import org.springframework.http.HttpStatus;

/**
 * A participant answered a Feign call with a problem response. It keeps the participant's
 * status and code, so an {@code OUT_OF_STOCK} from inventory reaches the shopper as the
 * same 409 {@code OUT_OF_STOCK}.
 */
public class RemoteProblemException extends BusinessException {

	public RemoteProblemException(HttpStatus status, String code, String detail) {
		super(status, code, detail);
	}

}
