package nl.passend.shared;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests that Tomcat refuses before any filter or servlet sees them (an encoded slash or a NUL in the path, a
 * malformed request line) get the API's problem document and {@code API-Version} instead of Tomcat's HTML page: the
 * host's error report is replaced by one that writes {@code application/problem+json}.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectMapper json;
    private final String version;

    ContainerErrors(ObjectMapper json) {
        this.json = json;
        this.version = OpenApiDocument.contract().version();
    }

    /** After Spring Boot's own customizer, which puts Tomcat's HTML report on the host. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReport(json, version));
            // Otherwise the host adds Tomcat's own report again when it starts, as it does for any host without one.
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReport.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as a problem document. */
    static final class ProblemReport extends ErrorReportValve {

        private final ObjectMapper json;
        private final String version;

        ProblemReport(ObjectMapper json, String version) {
            this.json = json;
            this.version = version;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // Only an error that nothing has answered yet, on a connection that can still take an answer.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            HttpStatusCode code = HttpStatusCode.valueOf(status);
            try {
                // JSON is UTF-8 by definition, as Spring's own problem documents are written (no charset).
                byte[] problem = json.writeValueAsBytes(
                        ProblemType.forStatus(status).detail(code, ProblemErrorController.detail(code)));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setContentLength(problem.length);
                response.setHeader(ApiVersionHeader.NAME, version);
                response.getOutputStream().write(problem);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the answer was committed meanwhile: there is no one left to tell.
            }
        }
    }
}
