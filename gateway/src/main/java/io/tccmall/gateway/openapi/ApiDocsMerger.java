package io.tccmall.gateway.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Merges the services' OpenAPI documents into the gateway's own: a service's path is kept
 * only when a public route of the gateway leads it to that service, so the document never
 * shows what a client cannot call (the services' {@code /internal/**} paths have no
 * route). Every operation needs the bearer token except the gateway's token endpoint.
 */
final class ApiDocsMerger {

	static final String BEARER = "bearer-jwt";

	private ApiDocsMerger() {
	}

	/**
	 * @param gateway the gateway's own document (its public endpoints), changed in place
	 * @param services each service's document by service id
	 * @param routes the gateway's public routes
	 */
	static OpenAPI merge(OpenAPI gateway, Map<String, OpenAPI> services, List<PublicRoute> routes) {
		Components components = (gateway.getComponents() != null) ? gateway.getComponents() : new Components();
		gateway.components(components);
		Paths paths = (gateway.getPaths() != null) ? gateway.getPaths() : new Paths();
		gateway.paths(paths);
		// the gateway's own endpoints are public (the token endpoint is how a client gets
		// a token)
		paths.values().forEach(item -> item.readOperations().forEach(op -> op.security(List.of())));

		services.forEach((service, document) -> {
			if (document.getPaths() != null) {
				document.getPaths().forEach((path, item) -> {
					if (!path.contains("/internal/") && routedTo(service, path, routes)) {
						item.readOperations().forEach(op -> qualify(op, service));
						paths.addPathItem(path, item);
					}
				});
			}
			if (document.getComponents() != null && document.getComponents().getSchemas() != null) {
				// schemas are merged by name; the services share the Problem schema
				document.getComponents().getSchemas().forEach((name, schema) -> {
					if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
						components.addSchemas(name, schema);
					}
				});
			}
		});
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("A token from POST /api/auth/token (or the configured OIDC issuer)"));
		gateway.security(List.of(new SecurityRequirement().addList(BEARER)));
		return gateway;
	}

	private static boolean routedTo(String service, String path, List<PublicRoute> routes) {
		// the first route that takes the path wins, as in the gateway
		return routes.stream()
			.filter(route -> route.routes(path))
			.findFirst()
			.map(route -> route.service().equals(service))
			.orElse(false);
	}

	/**
	 * Operation ids are unique per service only ({@code find}, {@code list}). The
	 * services' documents are reused by every merge: qualified once.
	 */
	private static void qualify(Operation operation, String service) {
		if (operation.getOperationId() != null && !operation.getOperationId().startsWith(service + ".")) {
			operation.setOperationId(service + "." + operation.getOperationId());
		}
	}

}
