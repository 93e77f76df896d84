package fr.irev.news.preview.web;

import fr.irev.news.templating.ContentContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Module servlet of the test descriptor: echoes its init parameter, path and context. */
public class EchoTestServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean context =
        request.getAttribute(ContentContext.class.getName()) instanceof ContentContext;
    response.setContentType("text/plain;charset=UTF-8");
    response
        .getWriter()
        .write(getInitParameter("greeting") + " " + request.getPathInfo() + " context=" + context);
  }
}
