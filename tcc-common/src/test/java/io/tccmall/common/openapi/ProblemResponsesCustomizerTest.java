package io.tccmall.common.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesCustomizerTest {

	private final ProblemResponsesCustomizer customizer = new ProblemResponsesCustomizer();

	@Test
	void shouldAddTheDeclaredAndTheCommonProblemsWithOneExamplePerCode() throws NoSuchMethodException {
		Operation operation = new Operation().requestBody(new RequestBody())
			.addParametersItem(new HeaderParameter().name("Idempotency-Key"))
			.responses(new ApiResponses().addApiResponse("201", new ApiResponse().description("Created")));

		this.customizer.customize(operation, handler(new Orders(), "place"));

		assertThat(operation.getResponses()).containsKeys("201", "400", "401", "404", "409", "413", "422", "429",
				"503");
		assertThat(operation.getResponses()).doesNotContainKey("403");
		assertThat(codes(operation, "409")).containsExactly("OUT_OF_STOCK", "REQUEST_IN_PROGRESS");
		assertThat(codes(operation, "400")).containsExactly("VALIDATION_FAILED", "MALFORMED_REQUEST", "MISSING_HEADER");
		assertThat(codes(operation, "422")).containsExactly("IDEMPOTENCY_KEY_REUSED");
		Example example = problem(operation, "409").getExamples().get("OUT_OF_STOCK");
		assertThat(example.getValue()).hasFieldOrPropertyWithValue("code", "OUT_OF_STOCK")
			.hasFieldOrPropertyWithValue("status", 409);
		assertThat(problem(operation, "409").getSchema().get$ref())
			.isEqualTo("#/components/schemas/" + ProblemResponsesCustomizer.PROBLEM_SCHEMA);
		assertThat(operation.getParameters().get(0).getDescription()).isNotBlank();
	}

	@Test
	void shouldAddForbiddenOnAdminPathsOnlyAndNoBodyProblemsWithoutABody() throws NoSuchMethodException {
		Operation admin = this.customizer.customize(new Operation(), handler(new AdminProducts(), "stock"));
		Operation shopper = this.customizer.customize(new Operation(), handler(new Orders(), "find"));

		assertThat(codes(admin, "403")).containsExactly("FORBIDDEN");
		assertThat(shopper.getResponses()).doesNotContainKeys("403", "413", "422");
		assertThat(codes(shopper, "400")).containsExactly("VALIDATION_FAILED");
	}

	private static HandlerMethod handler(Object controller, String method) throws NoSuchMethodException {
		return new HandlerMethod(controller, controller.getClass().getDeclaredMethod(method));
	}

	private static MediaType problem(Operation operation, String status) {
		return operation.getResponses().get(status).getContent().get("application/problem+json");
	}

	private static List<String> codes(Operation operation, String status) {
		return List.copyOf(problem(operation, status).getExamples().keySet());
	}

	@RequestMapping("/api/orders")
	static class Orders {

		@PostMapping
		@ProblemResponse(status = 409, codes = "OUT_OF_STOCK")
		@ProblemResponse(status = 404, codes = { "SKU_NOT_FOUND" })
		void place() {
		}

		@GetMapping("/{orderNo}")
		void find() {
		}

	}

	@RequestMapping("/api/admin/products")
	static class AdminProducts {

		@GetMapping("/{skuId}/stock")
		void stock() {
		}

	}

}
