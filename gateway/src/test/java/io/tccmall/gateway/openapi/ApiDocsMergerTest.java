package io.tccmall.gateway.openapi;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsMergerTest {

	private static final List<PublicRoute> ROUTES = List.of(
			ServiceApiDocs.publicRoute(route("lb://order-service", "Path=/api/orders,/api/orders/**")),
			ServiceApiDocs.publicRoute(route("lb://inventory-service", "Path=/api/products,/api/products/**")));

	@Test
	void shouldKeepOnlyThePathsAPublicRouteLeadsToTheDocumentsService() {
		OpenAPI order = document("place", "/api/orders", "/api/orders/{orderNo}/payment", "/internal/orders",
				"/api/internal/orders", "/api/products/{skuId}");
		OpenAPI inventory = document("find", "/api/products/{skuId}", "/internal/stock/reservations");

		OpenAPI merged = ApiDocsMerger.merge(gateway(), Map.of("order-service", order, "inventory-service", inventory),
				ROUTES);

		assertThat(merged.getPaths()).containsOnlyKeys("/api/auth/token", "/api/orders",
				"/api/orders/{orderNo}/payment", "/api/products/{skuId}");
		assertThat(merged.getPaths().get("/api/products/{skuId}").getGet().getOperationId())
			.isEqualTo("inventory-service.find");
	}

	@Test
	void shouldNeedTheBearerTokenEverywhereButOnTheTokenEndpoint() {
		OpenAPI merged = ApiDocsMerger.merge(gateway(), Map.of("order-service", document("place", "/api/orders")),
				ROUTES);

		assertThat(merged.getComponents().getSecuritySchemes()).containsKey(ApiDocsMerger.BEARER);
		assertThat(merged.getSecurity()).containsExactly(new SecurityRequirement().addList(ApiDocsMerger.BEARER));
		assertThat(merged.getPaths().get("/api/auth/token").getPost().getSecurity()).isEmpty();
		assertThat(merged.getPaths().get("/api/orders").getGet().getSecurity()).isNull();
	}

	@Test
	void shouldMergeSchemasAndStayTheSameWhenMergedAgain() {
		OpenAPI order = document("place", "/api/orders");
		order.getComponents().addSchemas("OrderView", new ObjectSchema());
		Map<String, OpenAPI> services = Map.of("order-service", order);

		ApiDocsMerger.merge(gateway(), services, ROUTES);
		OpenAPI again = ApiDocsMerger.merge(gateway(), services, ROUTES);

		assertThat(again.getComponents().getSchemas()).containsKeys("Problem", "OrderView");
		assertThat(again.getPaths().get("/api/orders").getGet().getOperationId()).isEqualTo("order-service.place");
	}

	@Test
	void shouldReadEveryPatternOfARoutesPathPredicate() {
		PublicRoute route = ServiceApiDocs
			.publicRoute(route("lb://coupon-service", "Path=/api/coupons/**,/api/admin/coupon-templates"));

		assertThat(route.service()).isEqualTo("coupon-service");
		assertThat(route.patterns()).containsExactly("/api/coupons/**", "/api/admin/coupon-templates");
		assertThat(route.routes("/api/coupons/{templateId}/claims")).isTrue();
		assertThat(route.routes("/api/admin/coupon-templates/{id}")).isFalse();
	}

	private static RouteDefinition route(String uri, String predicate) {
		RouteDefinition route = new RouteDefinition();
		route.setUri(URI.create(uri));
		route.setPredicates(List.of(new PredicateDefinition(predicate)));
		return route;
	}

	private static OpenAPI gateway() {
		return new OpenAPI().paths(
				new Paths().addPathItem("/api/auth/token", new PathItem().post(new Operation().operationId("token"))));
	}

	private static OpenAPI document(String operationId, String... paths) {
		Paths all = new Paths();
		for (String path : paths) {
			all.addPathItem(path, new PathItem().get(new Operation().operationId(operationId)));
		}
		return new OpenAPI().paths(all)
			.components(new io.swagger.v3.oas.models.Components().addSchemas("Problem", new ObjectSchema()));
	}

}
