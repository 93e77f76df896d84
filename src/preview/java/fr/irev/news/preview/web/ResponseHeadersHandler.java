package fr.irev.news.preview.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Wraps the whole server: puts {@link SecurityHeaders#ALL} on every response before the wrapped
 * handler runs, and writes the charset of {@code Content-Type} as {@code UTF-8} (Jetty lower-cases
 * it to {@code utf-8}; both mean the same, the site's contract spells {@code UTF-8}).
 */
public final class ResponseHeadersHandler extends Handler.Wrapper {

  private static final String LOWER = "charset=utf-8";

  /**
   * @param handler the handler to wrap
   */
  public ResponseHeadersHandler(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields.Mutable headers = response.getHeaders();
    SecurityHeaders.ALL.forEach(headers::put);
    return super.handle(request, new CharsetSpelling(request, response), callback);
  }

  /** Fixes the spelling of the charset just before the headers are committed. */
  private static final class CharsetSpelling extends Response.Wrapper {
    private boolean fixed;

    CharsetSpelling(Request request, Response wrapped) {
      super(request, wrapped);
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
      if (!fixed) {
        fixed = true;
        String type = getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null && type.endsWith(LOWER)) {
          getHeaders()
              .put(
                  HttpHeader.CONTENT_TYPE,
                  type.substring(0, type.length() - LOWER.length()) + "charset=UTF-8");
        }
      }
      super.write(last, content, callback);
    }
  }
}
