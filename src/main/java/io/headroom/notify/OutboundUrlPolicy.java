package io.headroom.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where Headroom may send a webhook (server-side request forgery guard): http or https only, no
 * user info, and every address the host resolves to must be public, unless it lies in a network
 * an administrator allowed ({@code headroom.notify.allow-private}). Loopback, private, link-local
 * (the cloud metadata address 169.254.169.254 among them), carrier-grade NAT, unique-local IPv6
 * and IPv4 hidden in IPv6 forms are refused. Numeric hosts other than four plain decimal numbers
 * ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}) are refused outright: programs disagree
 * on what they mean. Checked when a channel is saved and again before each attempt; redirects are
 * never followed.
 */
@Component
public class OutboundUrlPolicy {

    /** A URL Headroom will not send to, with the reason. */
    public static final class RefusedUrl extends IllegalArgumentException {
        RefusedUrl(String message) {
            super(message);
        }
    }

    /** Resolves a host name; the system resolver outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Every dot-separated part a decimal, octal or hex number: what inet_aton would read as an address. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+))*\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final List<Network> allowed;
    private final Resolver resolver;
    private final Set<String> trusted = ConcurrentHashMap.newKeySet();

    @Autowired
    OutboundUrlPolicy(NotifyProperties properties) {
        this(properties.allowPrivate(), InetAddress::getAllByName);
    }

    OutboundUrlPolicy(List<String> allowPrivate, Resolver resolver) {
        this.allowed = allowPrivate.stream().map(Network::parse).toList();
        this.resolver = resolver;
    }

    /** @throws RefusedUrl saying why */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedUrl("url is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrl("url must be http or https, was '" + (uri.getScheme() == null ? url : uri.getScheme() + ":") + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrl("url must not carry user info (user@host); put credentials in the receiver's own configuration");
        }
        if (trusted.contains(uri.normalize().toString())) {
            return uri;
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedUrl("url has no host name Headroom can read: " + url);
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!host.startsWith("[") && NUMERIC_HOST.matcher(bare).matches() && !DOTTED_QUAD.matcher(bare).matches()) {
            throw new RefusedUrl("url's host '" + host + "' is a number in a form programs read differently; write the address "
                    + "as four decimal numbers (127.0.0.1) or use a host name");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new RefusedUrl("url's host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(network -> network.contains(address))) {
                throw new RefusedUrl("url's host '" + host + "' resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or otherwise internal address; an administrator can allow "
                        + "such networks with headroom.notify.allow-private");
            }
        }
        return uri;
    }

    /**
     * Lets exactly this URL through although its address is internal: the demo pager on this
     * Headroom's own loopback port, which needs no administrator to open loopback to every channel.
     */
    void trust(URI uri) {
        trusted.add(uri.normalize().toString());
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first >= 240 || first == 100 && (second & 0xc0) == 64 || first == 192 && second == 0 && b[2] == 0
                    || first == 198 && (second == 18 || second == 19));
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (v6.isIPv4CompatibleAddress() || isNat64(b) || (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return false; // IPv4 carried inside IPv6 (::a.b.c.d, 64:ff9b::/96, 6to4 2002::/16): never trusted as public
            }
        }
        return true;
    }

    private static boolean isNat64(byte[] b) {
        return b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    }

    /** An allowed network in CIDR form (127.0.0.0/8, ::1/128) or a single address. */
    private record Network(byte[] base, int prefix) {

        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/");
            try {
                byte[] base = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : base.length * 8;
                if (prefix < 0 || prefix > base.length * 8) {
                    throw new IllegalArgumentException("headroom.notify.allow-private: prefix out of range in '" + cidr + "'");
                }
                return new Network(base, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("headroom.notify.allow-private must list networks such as 127.0.0.0/8; was '" + cidr + "'");
            }
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((b[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
