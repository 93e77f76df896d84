package fr.irev.news.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * {@code OPTIONS} and {@code HEAD} for the servlets that dispatch methods themselves (they override
 * {@code service}: {@link RegistrationServlet}, {@link RegistrationStaffServlet}), as {@code
 * HttpServlet} gives them to the others ({@link FeedServlet}, {@link DownloadServlet}…): {@code
 * OPTIONS} answers 200 with the {@code Allow} header and no body (RFC 9110 §9.3.7); {@code HEAD} is
 * answered as {@code GET} without the body (RFC 9110 §9.3.2).
 */
final class AllowedMethods {

  private AllowedMethods() {}

  /**
   * Answers an {@code OPTIONS} request: 200, {@code Allow}, {@code Content-Length: 0}, no {@code
   * Cache-Control} (as {@code HttpServlet.doOptions}).
   *
   * @param request the request
   * @param response its response
   * @param allow the {@code Allow} value of the request's address, e.g. {@code GET, HEAD, OPTIONS};
   *     {@code null} when the address does not exist (then nothing is answered)
   * @return {@code true} when the request was an {@code OPTIONS} and is answered
   */
  static boolean answeredOptions(
      HttpServletRequest request, HttpServletResponse response, String allow) {
    if (!"OPTIONS".equals(request.getMethod()) || allow == null) {
      return false;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setHeader("Allow", allow);
    response.setContentLength(0);
    return true;
  }

  /**
   * @param request the request
   * @param response its response
   * @return for a {@code HEAD} request, the response whose body is dropped (status and headers,
   *     {@code Content-Length} included, go through); otherwise {@code response} itself
   */
  static HttpServletResponse withoutBodyForHead(
      HttpServletRequest request, HttpServletResponse response) {
    return "HEAD".equals(request.getMethod()) ? new NoBody(response) : response;
  }

  /**
   * @param method a request method
   * @return {@code true} for {@code GET} and {@code HEAD}
   */
  static boolean isGet(String method) {
    return "GET".equals(method) || "HEAD".equals(method);
  }

  /** A response that writes headers only. */
  private static final class NoBody extends HttpServletResponseWrapper {
    private final ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            // writes never block
          }

          @Override
          public void write(int b) {
            // dropped: HEAD has no body
          }

          @Override
          public void write(byte[] b, int off, int len) {
            // dropped: HEAD has no body
          }
        };
    private final PrintWriter writer = new PrintWriter(Writer.nullWriter());

    NoBody(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return out;
    }

    @Override
    public PrintWriter getWriter() {
      return writer;
    }
  }
}
