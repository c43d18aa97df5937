package io.tccmall.gateway.openapi;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The latest OpenAPI document of every service a public route leads to, fetched through
 * the gateway's load balancer from the service's own {@code /v3/api-docs} (which no
 * public route reaches) at start and then every {@code tccmall.gateway.openapi.refresh}.
 * A service that does not answer keeps its last document; springdoc builds the merged
 * document synchronously, so it reads this snapshot instead of calling the services.
 */
class ServiceApiDocs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ServiceApiDocs.class);

	static final String LB_SCHEME = "lb";

	private final RouteDefinitionLocator routeLocator;

	private final WebClient client;

	private final Duration refresh;

	private final String docsPath;

	private final Map<String, OpenAPI> documents = new ConcurrentHashMap<>();

	private volatile List<PublicRoute> routes = List.of();

	private volatile Disposable refreshing;

	ServiceApiDocs(RouteDefinitionLocator routeLocator, LoadBalancedExchangeFilterFunction loadBalancer,
			Duration refresh, String docsPath) {
		this.routeLocator = routeLocator;
		this.client = WebClient.builder().filter(loadBalancer).build();
		this.refresh = refresh;
		this.docsPath = docsPath;
	}

	Map<String, OpenAPI> documents() {
		return Map.copyOf(this.documents);
	}

	List<PublicRoute> routes() {
		return this.routes;
	}

	/** Reads the routes and fetches every service's document once. */
	Mono<Void> refresh() {
		return this.routeLocator.getRouteDefinitions()
			.filter(route -> LB_SCHEME.equals(route.getUri().getScheme()))
			.map(ServiceApiDocs::publicRoute)
			.collectList()
			.doOnNext(found -> this.routes = found)
			.flatMapMany(
					found -> Flux.fromIterable(found.stream().map(PublicRoute::service).collect(Collectors.toSet())))
			.flatMap(this::fetch)
			.then();
	}

	static PublicRoute publicRoute(RouteDefinition route) {
		List<String> patterns = route.getPredicates()
			.stream()
			.filter(predicate -> "Path".equals(predicate.getName()))
			.map(PredicateDefinition::getArgs)
			.flatMap(args -> args.values().stream())
			.flatMap(value -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.toList();
		return new PublicRoute(route.getUri().getHost(), patterns);
	}

	private Mono<Void> fetch(String service) {
		return this.client.get()
			// the load balancer filter resolves the host as the service id
			.uri("http://" + service + this.docsPath)
			.retrieve()
			.bodyToMono(String.class)
			.timeout(Duration.ofSeconds(5))
			.flatMap(json -> parse(service, json))
			.doOnNext(document -> this.documents.put(service, document))
			.doOnError(ex -> log.debug("no OpenAPI document from {} yet: {}", service, ex.toString()))
			.onErrorResume(ex -> Mono.empty())
			.then();
	}

	private static Mono<OpenAPI> parse(String service, String json) {
		try {
			return Mono.just(Json.mapper().readValue(json, OpenAPI.class));
		}
		catch (JsonProcessingException ex) {
			log.warn("the OpenAPI document of {} is not valid: {}", service, ex.getOriginalMessage());
			return Mono.empty();
		}
	}

	@Override
	public void start() {
		this.refreshing = Flux.interval(Duration.ZERO, this.refresh)
			.onBackpressureDrop()
			.concatMap(tick -> refresh().onErrorResume(ex -> Mono.empty()))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.refreshing;
		if (current != null) {
			current.dispose();
		}
		this.refreshing = null;
	}

	@Override
	public boolean isRunning() {
		return this.refreshing != null;
	}

}
