package nl.passend.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Matches a request that no handler of the application would serve: no operation, endpoint or page has its path, or
 * none has it for its method. Spring MVC answers such a request 404, or 405 with {@code Allow}, and runs nothing for
 * it. A request that some handler would serve never matches, so it stays with the rule table, and without a rule of
 * its own is denied. The handlers are asked exactly as the dispatcher asks them, on a copy of the request whose
 * attributes do not leak back.
 * <p>
 * The answer depends on the method and path alone (no mapping has conditions on parameters or headers, and those on
 * media types answer "served, refused" either way), and the mappings do not change while the application runs; so it
 * is remembered for the paths asked most. Asking every mapping took a tenth of a signed-in read (JFR under wrk), and
 * more with every page the application gained.
 */
final class UnservedRequests implements RequestMatcher {

    private final ObjectProvider<HandlerMapping> handlerMappings;
    private final Cache<String, Boolean> answers = Caffeine.newBuilder().maximumSize(10_000).build();
    private volatile List<HandlerMapping> resolved;

    UnservedRequests(ObjectProvider<HandlerMapping> handlerMappings) {
        this.handlerMappings = handlerMappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return answers.get(request.getMethod() + " " + request.getRequestURI(), path -> unserved(request));
    }

    private boolean unserved(HttpServletRequest request) {
        HttpServletRequest probe = new Probe(request);
        ServletRequestPathUtils.parseAndCache(probe);
        for (HandlerMapping mapping : mappings()) {
            try {
                if (mapping.getHandler(probe) != null) {
                    return false;
                }
            } catch (HttpRequestMethodNotSupportedException otherMethods) {
                // The path is served, for other methods only: MVC will say which.
            } catch (Exception refused) {
                // Served, but refused for another reason (a media type, a parameter): the rules decide.
                return false;
            }
        }
        return true;
    }

    private List<HandlerMapping> mappings() {
        List<HandlerMapping> mappings = resolved;
        if (mappings == null) {
            mappings = handlerMappings.orderedStream().toList();
            resolved = mappings;
        }
        return mappings;
    }

    /** The request as it is, with attributes of its own, so that what the handler mappings note stays here. */
    private static final class Probe extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request) {
            super(request);
            for (Enumeration<String> names = request.getAttributeNames(); names.hasMoreElements(); ) {
                String name = names.nextElement();
                attributes.put(name, request.getAttribute(name));
            }
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }
}
