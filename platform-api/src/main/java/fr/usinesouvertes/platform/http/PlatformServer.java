package fr.usinesouvertes.platform.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The embedded Jetty: Jersey under {@code /.rest/*}, and servlets (web resources, pages) mounted by
 * path. Request → Jetty → (servlet | Jersey resource) → repository session → JSON or HTML.
 */
public final class PlatformServer implements AutoCloseable {

    /** How long a stopping server lets the requests in flight finish. */
    public static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(10);

    /** A servlet and the path spec it answers, e.g. {@code /.resources/*} or {@code /}. */
    public record Mount(String pathSpec, HttpServlet servlet) {
    }

    /** A filter and the path spec it runs on; filters run in list order, before the servlets. */
    public record FilterMount(String pathSpec, jakarta.servlet.Filter filter) {
    }

    private final Server server;
    private final ServerConnector connector;

    public PlatformServer(String host, int port, List<Object> restComponents, List<Mount> mounts) {
        this(host, port, restComponents, mounts, List.of(), new ClientAddresses(List.of()),
                SecurityHeadersFilter.DEFAULT_POLICY, null, false);
    }

    /**
     * @param clientAddresses who may name the client in {@code X-Forwarded-For} (the {@code trusted-proxies} setting)
     * @param contentSecurityPolicy the {@code Content-Security-Policy} of every answer ({@link SecurityHeadersFilter})
     * @param meters where the server's meters go (requests by route, thread pool, connections); {@code null}: none
     * @param accessLog whether each request is logged in one line ({@link RequestObserver})
     */
    public PlatformServer(String host, int port, List<Object> restComponents, List<Mount> mounts,
                          List<FilterMount> filters, ClientAddresses clientAddresses, String contentSecurityPolicy,
                          MeterRegistry meters, boolean accessLog) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Magnolia's filter syntax puts [, ] and | in query strings; accept them as Tomcat's relaxedQueryChars would.
        http.setUriCompliance(UriCompliance.LEGACY);
        http.addCustomizer(clientAddresses);
        http.addCustomizer(new RequestIds());
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setName("http");
        server.addConnector(connector);
        if (meters != null) {
            new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(meters);
            JettyConnectionMetrics.addToAllConnectors(server, meters);
        }
        if (meters != null || accessLog) {
            server.setRequestLog(new RequestObserver(meters, accessLog));
        }

        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new RequestIds.MdcFilter()),
                "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new RequestRoutes.MappingFilter()),
                "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new SecurityHeadersFilter(contentSecurityPolicy)),
                "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        for (FilterMount filter : filters) {
            context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(filter.filter()), filter.pathSpec(),
                    java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        }
        ServletHolder jersey = new ServletHolder("rest", new ServletContainer(restApplication(restComponents)));
        jersey.setInitOrder(0); // start Jersey with the server, not on the first request
        context.addServlet(jersey, "/.rest/*");
        for (Mount mount : mounts) {
            ServletHolder holder = new ServletHolder(mount.servlet());
            holder.setInitOrder(1);
            var multipart = mount.servlet().getClass().getAnnotation(jakarta.servlet.annotation.MultipartConfig.class);
            if (multipart != null) { // no annotation scanning here: uploads need the registration's config
                holder.getRegistration().setMultipartConfig(new jakarta.servlet.MultipartConfigElement(multipart));
            }
            context.addServlet(holder, mount.pathSpec());
        }
        // Graceful stop: the connector stops accepting at once (a load balancer sends new requests to other nodes),
        // and the requests in flight get up to the stop timeout to finish before the repository closes.
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(context);
        server.setHandler(graceful);
        server.setErrorHandler(new PlatformErrorHandler());
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
    }

    private static ResourceConfig restApplication(List<Object> components) {
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(JsonMapper.class);
        config.register(ErrorMappers.WebApplication.class);
        config.register(ErrorMappers.Json.class);
        config.register(ErrorMappers.Unexpected.class);
        config.register(new RequestRoutes.JerseyTemplates("/.rest"));
        for (Object component : components) {
            if (component instanceof Class<?> type) {
                config.register(type);
            } else {
                config.register(component);
            }
        }
        return config;
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI baseUri() {
        String host = connector.getHost();
        if (host == null || host.equals("0.0.0.0")) {
            host = "localhost";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
