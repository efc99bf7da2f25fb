package org.openamr.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, as the login throttle counts it. {@code X-Forwarded-For} is believed only
 * when the peer is one of {@code openamr.security.trusted-proxies} (addresses or CIDR ranges, none by default):
 * anybody else could write any address there and so escape the throttle, or pin it on somebody else.
 */
@Component
public class ClientAddress {

    private final List<IpAddressMatcher> trusted;

    public ClientAddress(@Value("${openamr.security.trusted-proxies:}") List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(address)) {
            return address;
        }
        // each proxy appends the peer it saw: from the right, the first hop no trusted proxy vouches for is
        // the client (anything left of it was written by that client and proves nothing)
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                break;
            }
            address = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return address;
    }

    private boolean trusted(String address) {
        for (IpAddressMatcher m : trusted) {
            try {
                if (m.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
