package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.config.IpAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The one place that decides a request's client address, configured once on the connector: the socket's
 * address, or, for a connection from a trusted proxy ({@code trusted-proxies}: addresses or CIDR ranges), the
 * rightmost {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries left of it are the
 * client's to forge). Every servlet, limiter and log line then reads it as {@code request.getRemoteAddr()}.
 *
 * <p>Jetty's own {@code ForwardedRequestCustomizer} believes the header from any peer; this one only from the
 * configured proxies.
 */
public final class ClientAddresses implements HttpConfiguration.Customizer {

    private static final String HEADER = "X-Forwarded-For";

    private final InetAddressSet trusted = new InetAddressSet();

    /** {@code trustedProxies}: addresses or CIDR ranges such as {@code 10.0.0.0/8}; empty trusts nobody. */
    public ClientAddresses(Collection<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            trusted.add(IpAddresses.checkRange(proxy)); // checked first: Jetty would look a host name up
        }
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (trusted.isEmpty()) {
            return request;
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (!(remote instanceof InetSocketAddress socket) || socket.getAddress() == null
                || !trusted.test(socket.getAddress())) {
            return request;
        }
        InetAddress client = forwardedClient(request.getHeaders().getValuesList(HEADER));
        if (client == null) {
            return request;
        }
        InetSocketAddress clientSocket = new InetSocketAddress(client, socket.getPort());
        ConnectionMetaData metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return clientSocket;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return metaData;
            }
        };
    }

    /** The rightmost hop that is not a trusted proxy, or null when the header holds nothing usable. */
    private InetAddress forwardedClient(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        InetAddress client = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = IpAddresses.literal(hops.get(i));
            if (hop == null) {
                break; // garbage: believe nothing further left
            }
            client = hop;
            if (!trusted.test(hop)) {
                break;
            }
        }
        return client;
    }
}
