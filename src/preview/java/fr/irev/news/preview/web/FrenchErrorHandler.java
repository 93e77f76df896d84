package fr.irev.news.preview.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for errors the container itself produces (malformed request, uncaught
 * exception, {@code sendError}): always the French HTML page with the security headers, whatever
 * the {@code Accept} header, never a stack trace or Jetty's message. Since Jetty 12.0.8 malformed
 * requests (400, 505…) go through {@link #generateAcceptableResponse} like every other error (the
 * deprecated {@code badMessageError} is no longer called).
 */
public final class FrenchErrorHandler extends ErrorHandler {

  /** Creates the handler; stacks, causes and origins are never shown. */
  public FrenchErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
  }

  /** Every method gets the page (Jetty's default: only GET, POST and HEAD). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected boolean generateAcceptableResponse(
      Request request,
      Response response,
      Callback callback,
      String contentType,
      List<Charset> charsets,
      int code,
      String message,
      Throwable cause)
      throws IOException {
    String contextPath = request.getContext() == null ? "" : request.getContext().getContextPath();
    byte[] body =
        ErrorPages.html(code, "/".equals(contextPath) ? "" : contextPath)
            .getBytes(StandardCharsets.UTF_8);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, ErrorPages.HTML_UTF8);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    SecurityHeaders.ALL.forEach(headers::put);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
